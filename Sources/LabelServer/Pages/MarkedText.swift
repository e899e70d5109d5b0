/// A text cut into pieces, those equal to the term marked: a search hit's match shown where it
/// stands on the label page. The template writes each piece escaped, the marked ones inside
/// `<mark>`: the marks are markup of the page, never characters of the label.
struct MarkedText {
    struct Piece { var text: String; var marked: Bool }

    var pieces: [Piece]

    init(_ text: String, mark: String?) {
        guard let mark, !mark.isEmpty, text.contains(mark) else {
            pieces = [Piece(text: text, marked: false)]
            return
        }
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let found = rest.range(of: mark) {
            if found.lowerBound > rest.startIndex { pieces.append(Piece(text: String(rest[..<found.lowerBound]), marked: false)) }
            pieces.append(Piece(text: String(rest[found]), marked: true))
            rest = rest[found.upperBound...]
        }
        if !rest.isEmpty { pieces.append(Piece(text: String(rest), marked: false)) }
        self.pieces = pieces
    }
}
