/// A key/value pair of an application form or slides, in document order.
public struct Field: Codable, Sendable, Hashable {
    public var name: String
    public var value: String
    public var span: SourceSpan
    /// The value with where each of its source lines starts in it, when the reader joined it
    /// from wrapped lines it can place; nil for a value put together from pieces (a numbered
    /// list given back to its field, a slide's cell). Not in the JSON, and not part of the
    /// value: a field decoded from JSON has none.
    public var paragraph: Paragraph?

    public init(name: String, value: String, span: SourceSpan, paragraph: Paragraph? = nil) {
        self.name = name
        self.value = value
        self.span = span
        self.paragraph = paragraph
    }

    private enum CodingKeys: String, CodingKey { case name, value, span }

    public static func == (a: Field, b: Field) -> Bool {
        a.name == b.name && a.value == b.value && a.span == b.span
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(value)
        hasher.combine(span)
    }

    /// The lines that scalars `range` of `value` came from: exact with a paragraph, else the
    /// field's whole span.
    public func span(of range: Range<Int>) -> SourceSpan {
        paragraph?.span(of: range) ?? span
    }
}
