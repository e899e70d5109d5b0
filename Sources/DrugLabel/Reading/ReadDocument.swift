/// A PDF, .docx or web page read into text: its lines (each paragraph, or a PDF page's line, a
/// line of its own), where each line was in the document, and the document's own tables.
public struct ReadDocument: Sendable {
    public var format: DocumentFormat
    /// The lines joined by `\n`.
    public var text: String
    public var origins: LineOrigins
    public var grids: [DocumentGrid]
    public var diagnostics: [Diagnostic]
    /// The page count of a PDF; nil for the other formats.
    public var pages: Int?
}
