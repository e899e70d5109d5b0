/// A key/value pair of an application form or slides, in document order.
public struct Field: Codable, Sendable, Hashable {
    public var name: String
    public var value: String
    public var span: SourceSpan

    public init(name: String, value: String, span: SourceSpan) {
        self.name = name
        self.value = value
        self.span = span
    }
}
