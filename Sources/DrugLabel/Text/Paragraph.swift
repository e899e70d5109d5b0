/// Consecutive physical lines that the PDF wrapped, joined again.
public struct Paragraph: Sendable, Hashable {
    public var text: String
    public var span: SourceSpan
    /// The physical lines it was made of.
    public var lineCount: Int

    public init(text: String, span: SourceSpan, lineCount: Int = 1) {
        self.text = text
        self.span = span
        self.lineCount = lineCount
    }
}
