/// A parsed document with the normalized lines it was read from (numbered as in the file): the
/// one shape in which the parser hands a label to whoever points into its lines (the index,
/// crosscheck and diff, the server's pages). `Label` alone is what the JSON holds.
public struct ParsedDocument: Sendable {
    public var label: Label
    public var lines: [SourceLine]
    /// The text a PDF, .docx or web page was read into, whose lines the spans count; nil for a
    /// text file, whose own bytes are that text. What a paragraph's cuts point into.
    public var readText: String?

    public init(label: Label, lines: [SourceLine], readText: String? = nil) {
        self.label = label
        self.lines = lines
        self.readText = readText
    }

}
