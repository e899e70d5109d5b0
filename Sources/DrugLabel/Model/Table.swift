// Filled by later pipeline stages; part of the JSON contract from schemaVersion 1, so the
// model exists even where a stage is not built yet.

/// A table rebuilt from flattened PDF lines.
public struct Table: Codable, Sendable, Hashable {
    public struct Group: Codable, Sendable, Hashable {
        public var label: String
        public var footnotes: [String]
    }
    public struct Cell: Codable, Sendable, Hashable {
        public var raw: String
        public var value: Double?
        public var ci: [Double]?
    }
    public struct Row: Codable, Sendable, Hashable {
        public var group: String?
        public var label: String
        public var footnotes: [String]
        public var cells: [Cell]
    }
    public struct Footnote: Codable, Sendable, Hashable {
        public var mark: String
        public var text: String
    }
    public var id: String
    public var caption: String
    public var section: String?
    public var columns: [[String]]
    public var groups: [Group]
    public var rows: [Row]
    public var footnotes: [Footnote]
    public var notes: [String]
    public var span: SourceSpan
}
