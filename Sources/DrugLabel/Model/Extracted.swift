// Models that later pipeline stages fill (tables, doses, quantities, abbreviations). They are
// part of the JSON contract from schemaVersion 1, so they exist even where a stage is not built.

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

/// An amount with an optional range (`500~1000 mg`).
public struct Amount: Codable, Sendable, Hashable {
    public var value: Double?
    public var low: Double?
    public var high: Double?
}

/// A dosing statement as a typed value.
public struct Dose: Codable, Sendable, Hashable {
    public struct Maximum: Codable, Sendable, Hashable {
        public var amount: Amount
        public var unit: String
        public var per: String?
        public var text: String
    }
    public var drug: String
    public var amount: Amount
    public var unit: String
    public var unitText: String
    public var per: String?
    public var route: String?
    public var frequency: String?
    public var schedule: String?
    public var duration: String?
    public var maximum: Maximum?
    public var condition: String?
    public var text: String
    public var section: String?
    public var span: SourceSpan
}

/// A measured quantity that is not a dose: a temperature, a rate, a duration.
public struct Quantity: Codable, Sendable, Hashable {
    public var kind: String
    public var value: Double?
    public var low: Double?
    public var high: Double?
    public var unit: String
    public var text: String
    public var span: SourceSpan
}

/// `细胞因子释放综合征（CRS）` defines CRS.
public struct Abbreviation: Codable, Sendable, Hashable {
    public var short: String
    public var long: String
    public var span: SourceSpan
}
