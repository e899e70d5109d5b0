/// The boxed warning (警告 / 警示语), wherever the PDF laid it.
public struct BoxedWarning: Codable, Sendable, Hashable {
    public var title: String
    public var items: [String]
    public var span: SourceSpan
    /// One per item, its text with where each of its lines starts: an item's lines are looked
    /// up, not searched for. Not in the JSON (`items` is their text), and not part of the value:
    /// a box decoded from JSON has none.
    public var paragraphs: [Paragraph] = []

    public init(title: String, items: [String], span: SourceSpan) {
        self.title = title
        self.items = items
        self.span = span
    }

    /// A box of items that know their lines.
    public init(title: String, paragraphs: [Paragraph], span: SourceSpan) {
        self.init(title: title, items: paragraphs.map(\.text), span: span)
        self.paragraphs = paragraphs
    }

    private enum CodingKeys: String, CodingKey { case title, items, span }

    public static func == (a: BoxedWarning, b: BoxedWarning) -> Bool {
        a.title == b.title && a.items == b.items && a.span == b.span
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(items)
        hasher.combine(span)
    }
}
