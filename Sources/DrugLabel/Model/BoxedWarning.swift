/// The boxed warning (警告 / 警示语), wherever the PDF laid it.
public struct BoxedWarning: Codable, Sendable, Hashable {
    public var title: String
    public var items: [String]
    public var span: SourceSpan

    public init(title: String, items: [String], span: SourceSpan) {
        self.title = title
        self.items = items
        self.span = span
    }
}
