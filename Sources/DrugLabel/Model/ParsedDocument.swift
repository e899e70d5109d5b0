/// A parsed document with the normalized lines it was read from (numbered as in the file): the
/// one shape in which the parser hands a label to whoever points into its lines (the index,
/// crosscheck and diff, the server's pages). `Label` alone is what the JSON holds.
public struct ParsedDocument: Sendable {
    public var label: Label
    public var lines: [SourceLine]

    public init(label: Label, lines: [SourceLine]) {
        self.label = label
        self.lines = lines
    }
}
