/// A parsed document with its source lines, for the comparisons (crosscheck, diff), which show
/// the line of every difference on both sides.
public struct ParsedDocument: Sendable {
    public var label: Label
    public var lines: [SourceLine]

    public init(label: Label, lines: [SourceLine]) {
        self.label = label
        self.lines = lines
    }
}
