import DrugLabel

/// The source lines of each paragraph of a section: the section's text joins lines and drops
/// their spaces, so each paragraph is looked for, in order, in the lines of the section's span
/// with white space removed.
struct ParagraphLines {
    private var text: [Unicode.Scalar] = []
    private var owner: [Int] = []
    private var cursor = 0

    init(lines: ArraySlice<SourceLine>) {
        for line in lines {
            for s in line.text.unicodeScalars where !ParagraphLines.isSpace(s) {
                text.append(s)
                owner.append(line.number)
            }
        }
    }

    /// The span of the next paragraph, or `fallback` where it is not found verbatim (a repaired
    /// or reordered field value).
    mutating func next(_ paragraph: String, fallback: SourceSpan) -> SourceSpan {
        let key = Array(paragraph.unicodeScalars.filter { !ParagraphLines.isSpace($0) })
        guard let first = key.first, key.count <= text.count else { return fallback }
        var i = cursor
        while i + key.count <= text.count {
            if text[i] == first, text[i..<(i + key.count)].elementsEqual(key) {
                cursor = i + key.count
                return SourceSpan(startLine: owner[i], endLine: owner[i + key.count - 1])
            }
            i += 1
        }
        return fallback
    }

    /// White space, the common cases without a property lookup.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || s == "\t" || s == "\n" || s == "\r" }
        if (0x4E00...0x9FFF).contains(s.value) { return false }
        return s.properties.isWhitespace
    }
}
