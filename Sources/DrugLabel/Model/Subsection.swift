/// A titled part of a section (`预处理`, `ZUMA-1 临床研究`).
public struct Subsection: Codable, Sendable, Hashable {
    public var heading: String
    public var text: String
    public var span: SourceSpan

    public init(heading: String, text: String, span: SourceSpan) {
        self.heading = heading
        self.text = text
        self.span = span
    }
}
