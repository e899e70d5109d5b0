/// Joins hard-wrapped lines into paragraphs. A line continues the one before when that one ran
/// to the margin without ending its sentence, and the new line does not start a bullet, a
/// numbered item or a heading. Han+Han join with no space, Latin+Latin with one, and a line
/// ending in a hyphen joins without one.
///
/// This runs on every line of every section, so it looks at Unicode scalars, never at
/// Characters (grapheme breaking costs more than the whole rule).
struct WrapJoiner: Sendable {
    let layout: Layout
    let rules: TextRules
    private let bullet: Unicode.Scalar
    private let sentenceEnd: ScalarSet

    private static let closing = ScalarSet("）)，,。、；;：:")
    private static let blockOpeners = ScalarSet("【〖［")

    init(layout: Layout, rules: TextRules) {
        self.layout = layout
        self.rules = rules
        bullet = rules.bulletMark.firstScalar!
        sentenceEnd = ScalarSet(rules.sentenceEnd.flatMap(\.unicodeScalars))
    }

    func paragraphs(_ lines: [SourceLine]) -> [Paragraph] {
        paragraphs(lines[...])
    }

    /// The paragraphs of a slice of lines (a section's body), read in place.
    func paragraphs(_ lines: ArraySlice<SourceLine>) -> [Paragraph] {
        // Where each paragraph starts and ends first (whether a line continues the one before
        // depends on the two lines alone), then each paragraph made once with room for all its
        // lines: grown a line at a time, a long paragraph's text and line starts were copied
        // into larger storage again and again.
        var runs: [(first: Int, last: Int, lines: Int)] = []
        // The line before, by index: copying each line retained its two strings.
        var last: Int?
        var blanks = 0
        for i in lines.indices {
            if lines[i].isBlank { blanks += 1; continue }
            if let previous = last, continues(lines[previous], lines[i], blanksBetween: blanks) {
                runs[runs.count - 1].last = i
                runs[runs.count - 1].lines += 1
            } else {
                runs.append((i, i, 1))
            }
            last = i
            blanks = 0
        }
        var result: [Paragraph] = []
        result.reserveCapacity(runs.count)
        for run in runs {
            let first = lines[run.first]
            var paragraph = Paragraph(text: first.text, span: first.span, width: first.width)
            if run.lines > 1 {
                // A space at most between two lines.
                var bytes = 0
                for i in run.first...run.last where !lines[i].isBlank { bytes += lines[i].text.utf8.count + 1 }
                paragraph.text.reserveCapacity(bytes)
                paragraph.reserveLineStarts(run.lines - 1)
                for i in (run.first + 1)...run.last where !lines[i].isBlank { WrapJoiner.extend(&paragraph, with: lines[i]) }
            }
            result.append(paragraph)
        }
        return result
    }

    /// Appends a wrapped line to its paragraph, noting where the line starts in the text.
    static func extend(_ paragraph: inout Paragraph, with line: SourceLine) {
        let before = paragraph.text.lastScalar
        append(&paragraph.text, line.text)
        // The joiner may have put one space between the lines.
        let space = spaced(before, line.text.firstScalar) ? 1 : 0
        paragraph.appendLineStart(.init(offset: paragraph.scalarCount + space, line: line.number))
        paragraph.scalarCount += space + line.text.scalarCount
        paragraph.span = paragraph.span.union(line.span)
        paragraph.lineCount += 1
        paragraph.width += line.width
    }

    func continues(_ previous: SourceLine, _ next: SourceLine, blanksBetween: Int) -> Bool {
        let text = next.text
        guard let first = text.firstScalar, let end = previous.text.lastScalar else { return false }
        if startsBlock(text) { return false }
        if WrapJoiner.closing.contains(first) { return true }
        if isReferenceOnly(text) { return true }
        if !layout.doubleSpaced && blanksBetween > 0 { return false }
        if sentenceEnd.contains(end) || previous.width < layout.fullWidth { return false }
        // `注册地址：…` then `邮政编码：…`: a list of labelled lines, however wide.
        return WrapJoiner.labelPrefix(text) == nil || WrapJoiner.labelPrefix(previous.text) == nil
    }

    /// A bullet, a numbered item or a bracketed heading starts a block of its own.
    func startsBlock(_ text: String) -> Bool {
        guard let first = text.firstScalar else { return false }
        if first == bullet || WrapJoiner.blockOpeners.contains(first) { return true }
        return ItemMarker.parse(text) != nil
    }

    func startsWithBullet(_ text: String) -> Bool { text.firstScalar == bullet }

    func endsSentence(_ text: String) -> Bool { text.lastScalar.map { sentenceEnd.contains($0) } ?? false }

    /// `（见【注意事项】）` alone on a line belongs to the sentence before it.
    func isReferenceOnly(_ text: String) -> Bool {
        // Sought as bytes: a scan of the scalars of every short line cost more than the rest of
        // the joiner's tests on it.
        guard text.utf8.count <= 48, let first = text.firstScalar,
              text.containsBytes("【"), text.containsBytes("】") else { return false }
        return first == "（" || first == "(" || rules.startsWithReferenceLead(text)
    }

    /// `邮政编码：201210` begins with the label `邮政编码`: a few Han characters and a colon.
    /// Asked of every line the joiner weighs: the scalars are walked with a count, as `prefix`
    /// on the scalar view checked each step's index against the end (1% of a large parse).
    static func labelPrefix(_ text: String) -> Int? {
        var count = 0
        for s in text.unicodeScalars {
            guard count < 12 else { return nil }
            if s == "：" || s == ":" { return count >= 2 ? count : nil }
            guard DisplayWidth.isWide(s.value) else { return nil }
            count += 1
        }
        return nil
    }

    static func join(_ a: String, _ b: String) -> String {
        var text = a
        append(&text, b)
        return text
    }

    /// Appends a wrapped line in place: the space rule of `join` without copying `text`.
    static func append(_ text: inout String, _ b: String) {
        if spaced(text.lastScalar, b.firstScalar) { text += " " }
        text += b
    }

    /// Latin before and after the wrap (not after a hyphen): the lines join with a space.
    static func spaced(_ x: Unicode.Scalar?, _ y: Unicode.Scalar?) -> Bool {
        guard let x, let y, x != "-" else { return false }
        let latinBefore = x.isASCII && x != " " && x != "(" && x != "/"
        let latinAfter = y.isASCII && (("a"..."z").contains(y) || ("A"..."Z").contains(y) || ("0"..."9").contains(y) || y == "(")
        return latinBefore && latinAfter
    }
}
