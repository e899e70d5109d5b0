/// Joins hard-wrapped lines into paragraphs. A line continues the one before when that one ran
/// to the margin without ending its sentence, and the new line does not start a bullet, a
/// numbered item or a heading. Han+Han join with no space, Latin+Latin with one, and a line
/// ending in a hyphen joins without one.
struct WrapJoiner: Sendable {
    let layout: Layout
    let rules: TextRules

    func paragraphs(_ lines: [SourceLine]) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: Paragraph?
        var last: SourceLine?
        var blanks = 0
        for line in lines {
            if line.isBlank { blanks += 1; continue }
            if var paragraph = current, let previous = last, continues(previous, line, blanksBetween: blanks) {
                paragraph.text = WrapJoiner.join(paragraph.text, line.text)
                paragraph.span = paragraph.span.union(line.span)
                paragraph.lineCount += 1
                current = paragraph
            } else {
                if let paragraph = current { result.append(paragraph) }
                current = Paragraph(text: line.text, span: line.span)
            }
            last = line
            blanks = 0
        }
        if let paragraph = current { result.append(paragraph) }
        return result
    }

    func continues(_ previous: SourceLine, _ next: SourceLine, blanksBetween: Int) -> Bool {
        let text = next.text
        if startsBlock(text) { return false }
        if let first = text.first, "）)，,。、；;：:".contains(first) { return true }
        if isReferenceOnly(text) { return true }
        if !layout.doubleSpaced && blanksBetween > 0 { return false }
        // `注册地址：…` then `邮政编码：…`: a list of labelled lines, however wide.
        if WrapJoiner.labelPrefix(previous.text) != nil && WrapJoiner.labelPrefix(text) != nil { return false }
        guard let end = previous.text.last, !rules.sentenceEnd.contains(end) else { return false }
        return DisplayWidth.of(previous.text) >= layout.fullWidth
    }

    /// A bullet, a numbered item or a bracketed heading starts a block of its own.
    func startsBlock(_ text: String) -> Bool {
        if text.hasPrefix(rules.bulletMark) { return true }
        if let first = text.first, "【〖［".contains(first) { return true }
        return ItemMarker.parse(text) != nil
    }

    /// `（见【注意事项】）` alone on a line belongs to the sentence before it.
    func isReferenceOnly(_ text: String) -> Bool {
        guard text.count <= 16, text.contains("【"), text.contains("】") else { return false }
        let first = text.first!
        return first == "（" || first == "(" || rules.referenceLeads.contains { text.hasPrefix($0) }
    }

    /// `邮政编码：201210` begins with the label `邮政编码`: a few Han characters and a colon.
    static func labelPrefix(_ text: String) -> Substring? {
        guard let colon = text.prefix(12).firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let label = text[..<colon]
        guard label.count >= 2, label.unicodeScalars.allSatisfy({ DisplayWidth.isWide($0.value) }) else { return nil }
        return label
    }

    static func join(_ a: String, _ b: String) -> String {
        guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.first else { return a + b }
        if x == "-" { return a + b }
        let latinBefore = x.isASCII && !x.properties.isWhitespace && x != "(" && x != "/"
        let latinAfter = y.isASCII && (y.properties.isAlphabetic || y.properties.numericType != nil || y == "(")
        return latinBefore && latinAfter ? a + " " + b : a + b
    }
}
