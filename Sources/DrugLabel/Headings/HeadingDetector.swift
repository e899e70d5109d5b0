/// Finds section headings. A heading begins a line; `（见【注意事项】）`, `详见【不良反应】` and their
/// two-line forms (`（见【注意事` / `项】）`) are references inside a sentence, not headings.
struct HeadingDetector {
    let index: HeadingIndex
    let fold: TextFold
    let rules: TextRules

    private static let brackets: [(Character, Character)] = [("【", "】"), ("〖", "〗"), ("［", "］"), ("[", "]")]
    private static let openers = ScalarSet("【〖［[")

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
            guard let scalar = lines[i].text.firstScalar, HeadingDetector.openers.contains(scalar) else { continue }
            let line = lines[i]
            let previousText = previous.map { lines[$0].text } ?? ""
            guard let first = line.text.first,
                  let pair = HeadingDetector.brackets.first(where: { $0.0 == first }) else { continue }
            var body = Substring(line.text.dropFirst())
            var endIndex = i
            // Counted only as far as the limit: the rest of the line may be a whole section.
            if !body.contains(pair.1), body.prefix(20).count < 20,
               let next = lines[(i + 1)...].firstIndex(where: { !$0.isBlank }),
               let close = lines[next].text.firstIndex(of: pair.1),
               lines[next].text.distance(from: lines[next].text.startIndex, to: close) < 10 {
                // The PDF wrapped the heading: its bracket closes early on the next line.
                body = Substring(String(body) + lines[next].text)
                endIndex = next
            }
            guard let close = body.firstIndex(of: pair.1) else { continue }
            let inner = body[..<close]
            let rest = body[body.index(after: close)...]
            guard inner.prefix(21).count <= 20, !isReference(rest: rest, previousText: previousText) else { continue }
            let heading = String(inner).trimming(" \u{3000}:：")
            guard !heading.isEmpty else { continue }
            let folded = fold(heading)
            let key = index.key(forBracketedHeading: folded)
            if key == nil && !looksLikeHeading(heading) { continue }
            result.append(HeadingLine(index: i, endIndex: endIndex, heading: heading, key: key,
                                      rest: String(rest).trimming(" \u{3000}:：")))
        }
        return result
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
        if let next = rest.first, "）)，,。、；;".contains(next) { return true }
        let previous = previousText.trimming(" （(")
        return rules.endsWithReferenceLead(previous)
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
