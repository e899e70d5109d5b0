/// Finds the source lines a piece of text came from: paragraphs and field values join lines
/// (and drop their spaces), so the text is looked up in the lines of its span with white space
/// removed on both sides. Doses find their lines with it, and so does the index for paragraphs.
public struct LineLocator: Sendable {
    private let lines: [SourceLine]

    public init(lines: [SourceLine]) { self.lines = lines }

    /// The lines of one span without their white space, and the line each scalar came from.
    public struct SpanText: Sendable {
        fileprivate var text: [Unicode.Scalar] = []
        fileprivate var owner: [Int] = []

        public init() {}
    }

    public func text(of span: SourceSpan) -> SpanText {
        var result = SpanText()
        for line in lines.lines(in: span) {
            for s in line.text.unicodeScalars where !LineLocator.isSpace(s) {
                result.text.append(s)
                result.owner.append(line.number)
            }
        }
        return result
    }

    /// The lines that hold `needle`, at or after `from` (an offset into the span's text, so
    /// repeated statements are found in order; moved past the match); nil when not found.
    public func locate(_ needle: String, in span: SpanText, from: inout Int) -> SourceSpan? {
        let key = Array(needle.unicodeScalars.filter { !LineLocator.isSpace($0) })
        let text = span.text
        guard !key.isEmpty, key.count <= text.count, from >= 0, from <= text.count - key.count else { return nil }
        var i = from
        while i + key.count <= text.count {
            if text[i] == key[0], text[i..<(i + key.count)].elementsEqual(key) {
                from = i + key.count
                return SourceSpan(startLine: span.owner[i], endLine: span.owner[i + key.count - 1])
            }
            i += 1
        }
        return nil
    }

    /// White space, the common cases without a property lookup (this runs on every scalar).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || s == "\t" || s == "\n" || s == "\r" }
        if (0x4E00...0x9FFF).contains(s.value) { return false }
        return s.properties.isWhitespace
    }
}
