/// A numbered item of a section (`1.`, `2、`, `（1）`).
public struct Item: Codable, Sendable, Hashable {
    public var marker: String
    public var text: String
    public var span: SourceSpan

    public init(marker: String, text: String, span: SourceSpan) {
        self.marker = marker
        self.text = text
        self.span = span
    }
}
