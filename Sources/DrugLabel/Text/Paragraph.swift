/// Consecutive physical lines that the PDF wrapped, joined again.
public struct Paragraph: Sendable, Hashable {
    public var text: String
    public var span: SourceSpan
    /// The physical lines it was made of.
    public var lineCount: Int
    /// Display width of the text (the sum of its lines' widths).
    public var width: Int

    public init(text: String, span: SourceSpan, lineCount: Int = 1, width: Int? = nil) {
        self.text = text
        self.span = span
        self.lineCount = lineCount
        self.width = width ?? DisplayWidth.of(text)
    }
}
