/// Finds section headings. A heading begins a line; `（见【注意事项】）`, `详见【不良反应】` and their
/// two-line forms (`（见【注意事` / `项】）`) are references inside a sentence, not headings.
struct HeadingDetector {
    let index: HeadingIndex
    let fold: TextFold
    let rules: TextRules

    private static let brackets: [(Character, Character)] = [("【", "】"), ("〖", "〗"), ("［", "］"), ("[", "]")]
    private static let openerScalars = brackets.map { $0.0.unicodeScalars.first! }
    private static let closerScalars = brackets.map { $0.1.unicodeScalars.first! }
    private static let openers = ScalarSet(openerScalars)
    /// What follows a bracket that names a section rather than opens one.
    private static let referenceFollowerText = "）)，,。、；;"
    private static let referenceFollowers = ScalarSet(referenceFollowerText)

    /// Each line is read with the line before it and the one after: `pieces` runs of lines
    /// are read on all cores, each looking across its ends as one pass does.
    func bracketed(in lines: [SourceLine], pieces: Int = 1) -> [HeadingLine] {
        lines.indices.pieces(about: pieces).orderedConcurrentMap { bracketed(in: lines, range: $0) }.flatMap { $0 }
    }

    private func bracketed(in lines: [SourceLine], range: Range<Int>) -> [HeadingLine] {
        var result: [HeadingLine] = []
        // The last non-blank line before this one, by index: copying each line as the loop
        // passes it retained two strings per line of the document.
        var previous = lines[..<range.lowerBound].lastIndex { !$0.isBlank }
        for i in range where !lines[i].isBlank {
            defer { previous = i }
            // Read on scalars, each found bracket then checked to be a character of its own (as
            // a search by Characters finds it): breaking every heading line into Characters,
            // twice, was a tenth of a web-saved label's parse.
            let text = lines[i].text
            guard let opener = text.firstScalar, HeadingDetector.openers.contains(opener),
                  let p = HeadingDetector.openerScalars.firstIndex(of: opener) else { continue }
            let pair = HeadingDetector.brackets[p], closer = HeadingDetector.closerScalars[p]
            let bodyStart = text.unicodeScalars.index(after: text.startIndex)
            guard text.index(after: text.startIndex) == bodyStart else { continue }
            var body = text[bodyStart...]
            var endIndex = i
            var close = HeadingDetector.firstIndex(of: closer, pair.1, in: body)
            // Counted only as far as the limit: the rest of the line may be a whole section.
            if close == nil, body.prefix(20).count < 20,
               let next = lines[(i + 1)...].firstIndex(where: { !$0.isBlank }),
               let closeNext = lines[next].text.firstIndex(of: pair.1),
               lines[next].text.distance(from: lines[next].text.startIndex, to: closeNext) < 10 {
                // The PDF wrapped the heading: its bracket closes early on the next line.
                body = Substring(String(body) + lines[next].text)
                endIndex = next
                close = HeadingDetector.firstIndex(of: closer, pair.1, in: body)
            }
            guard let close else { continue }
            let inner = body[..<close]
            let rest = body[body.unicodeScalars.index(after: close)...]
            guard inner.unicodeScalars.count <= 20 || inner.prefix(21).count <= 20,
                  !isReference(rest: rest, previousText: previous.map { lines[$0].text } ?? "") else { continue }
            let heading = String(inner).trimming(" \u{3000}:：")
            guard !heading.isEmpty else { continue }
            let folded = fold(heading)
            let key = index.key(forBracketedHeading: folded)
            if key == nil && !looksLikeHeading(heading) { continue }
            result.append(HeadingLine(index: i, endIndex: endIndex, heading: heading, key: key,
                                      rest: HeadingDetector.text(after: rest)))
        }
        return result
    }

    /// The text after a heading's bracket, without the colon and spaces that may follow it
    /// (`【用法用量】：口服`). Its own last colon stays: `【不良反应】常见的有以下几类：` leads into
    /// the list below it.
    static func text(after heading: Substring) -> String {
        let scalars = heading.unicodeScalars
        let start = scalars.firstIndex { !" \u{3000}:：".unicodeScalars.contains($0) } ?? scalars.endIndex
        return String(scalars[start...]).trimmingSpaces()
    }

    /// Catalogue headings without brackets: alone on their line (`适应症`), or before a colon with
    /// the text after it (`适应症：用于…`, as labels copied from web pages write them). A label
    /// line of the block above (`通用名称：…` under `药品名称`) stays in that block.
    func bare(in lines: [SourceLine]) -> [HeadingLine] {
        var result: [HeadingLine] = []
        for (i, line) in lines.enumerated() where !line.isBlank {
            let scalars = line.text.unicodeScalars
            var heading = line.text
            var rest = ""
            if let colon = scalars.prefix(14).firstIndex(where: { $0 == "：" || $0 == ":" }) {
                heading = String(line.text.unicodeScalars[..<colon])
                rest = String(line.text.unicodeScalars[scalars.index(after: colon)...]).trimmingSpaces()
            } else if line.text.utf8.count > 48 {
                continue
            }
            heading = heading.trimming(" \u{3000}")
            // Only Han text can be a heading; folding through ICU is kept for those lines.
            guard let first = heading.firstScalar, heading.unicodeScalars.count <= 12,
                  fold.fold(first).firstScalar.map(index.openers.contains) == true,
                  heading.unicodeScalars.allSatisfy({ DisplayWidth.isWide($0.value) || $0 == " " }) else { continue }
            let folded = fold(heading)
            if let key = index.key(forFoldedHeading: folded), !index.isLabel(folded: folded, inside: result.last?.key) {
                result.append(HeadingLine(index: i, endIndex: i, heading: heading, key: key, rest: rest))
            }
        }
        return result
    }

    /// `】）`, `】。`, or a bracket right after `见`: the bracket names a section, it does not open one.
    private func isReference(rest: Substring, previousText: String) -> Bool {
        if let next = rest.unicodeScalars.first, HeadingDetector.referenceFollowers.contains(next),
           let character = rest.first, HeadingDetector.referenceFollowerText.contains(character) { return true }
        let previous = previousText.trimming(" （(")
        return rules.endsWithReferenceLead(previous)
    }

    /// The first `closer` in `text` that is a character of its own, where a search for the
    /// Character `character` finds it: a mark joined to the bracket makes another character.
    private static func firstIndex(of closer: Unicode.Scalar, _ character: Character, in text: Substring) -> String.Index? {
        let scalars = text.unicodeScalars
        var from = scalars.startIndex
        while let at = scalars[from...].firstIndex(of: closer) {
            if text[at...].first == character { return at }
            from = scalars.index(after: at)
        }
        return nil
    }

    /// An unknown bracket is a heading when it reads like one: Han text, no sentence punctuation
    /// (`[1]` is a citation, `【注：…】` a note).
    func looksLikeHeading(_ heading: String) -> Bool {
        let scalars = heading.unicodeScalars
        guard scalars.count >= 2, scalars.count <= 15,
              scalars.contains(where: { DisplayWidth.isWide($0.value) }) else { return false }
        return !scalars.contains { "，。；！？,;!?、".unicodeScalars.contains($0) }
    }
}
