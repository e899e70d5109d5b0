import DrugLabel

/// The first source line of each text of a span whose texts were joined from wrapped lines (a
/// boxed warning's items, a field's value): found in order, white space ignored, each after the
/// one before. A text not found where expected gets the line of the one before it, so an anchor
/// still lands near it.
struct PieceLocator {
    private let lines: ArraySlice<SourceLine>
    private var index: Int
    private var last: Int

    init(lines: [SourceLine], span: SourceSpan) {
        self.lines = lines.lines(in: span)
        index = self.lines.startIndex
        last = span.startLine
    }

    mutating func firstLine(of text: String) -> Int {
        let wanted = PieceLocator.squeezed(text)
        guard !wanted.isEmpty else { return last }
        var i = index
        while i < lines.endIndex {
            let line = PieceLocator.squeezed(lines[i].text)
            if !line.isEmpty, wanted.hasPrefix(line) || line.hasSuffix(wanted) || line.contains(wanted) {
                last = lines[i].number
                index = lines.index(after: i)
                return last
            }
            i = lines.index(after: i)
        }
        return last
    }

    private static func squeezed(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
}
