/// A table rebuilt from flattened PDF lines.
///
/// The keys of schemaVersion 1 (`id, caption, section, columns, groups, rows, footnotes, notes,
/// span`) keep their meaning; `kind`, `arms`, `stub` and the optional keys of rows and cells were
/// added beside them.
public struct Table: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// Rows of numbers under column headers.
        case numeric
        /// Cells of prose (grading-and-management tables), rebuilt one row per grade.
        case prose
    }

    /// A study arm named in the header (`中国临床研究（N=24）`), and the value columns under it.
    public struct Arm: Codable, Sendable, Hashable {
        public var name: String
        public var n: Int?
        public var footnotes: [String]
        /// Indexes into `columns`.
        public var columns: [Int]
    }

    public struct Group: Codable, Sendable, Hashable {
        public var label: String
        public var footnotes: [String]
        public var span: SourceSpan
    }

    public struct Cell: Codable, Sendable, Hashable {
        public enum Flag: String, Codable, Sendable {
            /// `NE`: not estimable or not reached.
            case notEstimable
            /// `NA`: no data.
            case notAvailable
            /// `14.4+`: a censored value.
            case censored
            /// `<0.0001`, `≤…`: the value is a bound, not a point.
            case lessThan, greaterThan
            /// The source lost this cell or its place; see the row's diagnostic.
            case missing
            /// Placed in this column without evidence in the text; see the row's diagnostic.
            case uncertainColumn
            /// Covered by a merged cell to its left (or above): the document gives this column no
            /// value of its own; the merged cell's value is in the first column it covers.
            case merged
        }
        /// As written (`72（62，81）`, `-`, `14.4+`); a prose cell's whole text.
        public var raw: String
        /// The number, or nil for `-`, blanks, `NE`, `NA` and prose.
        public var value: Double?
        /// A confidence interval's bounds; a bound written `NE` is nil.
        public var ci: [Double?]?
        /// A range's bounds (`中位值（范围）` rows), as for `ci`.
        public var range: [Double?]?
        public var flags: [Flag]?
        /// The line(s) the cell's text came from: a value's line (and its interval's, on the
        /// next line), a prose cell's lines; a cell the source lost has its row's. Not written
        /// to JSON (the output keeps its shape), so a decoded cell has its row's span, or
        /// `unknownSpan` when decoded on its own; not compared by `==` either.
        public var span: SourceSpan = Cell.unknownSpan

        /// Line 0, before any line of a file: a cell made without knowing its lines.
        public static let unknownSpan = SourceSpan(line: 0)

        public init(raw: String, value: Double? = nil, ci: [Double?]? = nil, range: [Double?]? = nil, flags: [Flag]? = nil,
                    span: SourceSpan = Cell.unknownSpan) {
            self.raw = raw
            self.value = value
            self.ci = ci
            self.range = range
            self.flags = flags
            self.span = span
        }

        private enum CodingKeys: String, CodingKey { case raw, value, ci, range, flags }

        /// Cells are equal when they read the same: the span says where the text came from, and
        /// JSON does not carry it, so a cell read back from its JSON equals the cell written.
        public static func == (a: Cell, b: Cell) -> Bool {
            a.raw == b.raw && a.value == b.value && a.ci == b.ci && a.range == b.range && a.flags == b.flags
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(raw)
            hasher.combine(value)
            hasher.combine(ci)
            hasher.combine(range)
            hasher.combine(flags)
        }

        /// `value` is always written, null included: the contract says "a number or null".
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(raw, forKey: .raw)
            try c.encode(value, forKey: .value)
            try c.encodeIfPresent(ci, forKey: .ci)
            try c.encodeIfPresent(range, forKey: .range)
            try c.encodeIfPresent(flags, forKey: .flags)
        }
    }

    public struct Row: Codable, Sendable, Hashable {
        public var group: String?
        /// Without footnote marks, unit or statistic.
        public var label: String
        public var footnotes: [String]
        /// `%`, `月`: lifted from the label (`（%）`).
        public var unit: String?
        /// `95%CI`, `中位值（范围）`: lifted from the label.
        public var statistic: String?
        public var cells: [Cell]
        public var span: SourceSpan

        private enum CodingKeys: String, CodingKey { case group, label, footnotes, unit, statistic, cells, span }

        /// Every key written, nulls included, so each row has the same shape.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(group, forKey: .group)
            try c.encode(label, forKey: .label)
            try c.encode(footnotes, forKey: .footnotes)
            try c.encode(unit, forKey: .unit)
            try c.encode(statistic, forKey: .statistic)
            try c.encode(cells, forKey: .cells)
            try c.encode(span, forKey: .span)
        }
    }

    public struct Footnote: Codable, Sendable, Hashable {
        public var mark: String
        public var text: String
        public var span: SourceSpan
    }

    public var id: String
    public var caption: String
    public var section: String?
    public var kind: Kind
    /// Header labels of the label column (`系统器官分类`, `首选术语`).
    public var stub: [String]
    public var columns: [[String]]
    /// Footnote marks written after a column's label (`CRS 分级 a`), one list per column; empty
    /// when no column has any (an arm's marks are in `arms`).
    public var columnFootnotes: [[String]]
    public var arms: [Arm]
    public var groups: [Group]
    public var rows: [Row]
    public var footnotes: [Footnote]
    public var notes: [String]
    public var span: SourceSpan
}

// In an extension, so that the memberwise initializer stays.
extension Table.Row {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        group = try c.decodeIfPresent(String.self, forKey: .group)
        label = try c.decode(String.self, forKey: .label)
        footnotes = try c.decode([String].self, forKey: .footnotes)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        statistic = try c.decodeIfPresent(String.self, forKey: .statistic)
        cells = try c.decode([Table.Cell].self, forKey: .cells)
        span = try c.decode(SourceSpan.self, forKey: .span)
        // JSON does not carry a cell's lines: the row's are the closest known.
        for k in cells.indices where cells[k].span == Table.Cell.unknownSpan { cells[k].span = span }
    }
}
