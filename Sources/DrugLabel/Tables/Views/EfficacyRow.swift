/// One row of an efficacy table read by meaning: the endpoint, and per value column the arm it
/// belongs to, the value and its interval.
public struct EfficacyRow: Codable, Sendable, Hashable {
    public struct Value: Codable, Sendable, Hashable {
        /// The column's header path (`["接受…的患者 (N=101)", "6个月"]`).
        public var column: [String]
        public var arm: String?
        public var value: Double?
        public var ci: [Double?]?
        public var range: [Double?]?
        public var raw: String
        public var flags: [Table.Cell.Flag]?
    }

    public var endpoint: String
    public var group: String?
    public var footnotes: [String]
    public var unit: String?
    public var statistic: String?
    public var values: [Value]
    public var span: SourceSpan
}

extension Table {
    /// The rows of a numeric table as endpoints with their values per column and arm.
    public func efficacyRows() -> [EfficacyRow] {
        guard kind == .numeric else { return [] }
        var armOf: [Int: String] = [:]
        for arm in arms { for c in arm.columns { armOf[c] = arm.name } }
        return rows.map { row in
            let values = row.cells.enumerated().map { i, cell in
                EfficacyRow.Value(column: i < columns.count ? columns[i] : [], arm: armOf[i], value: cell.value,
                                  ci: cell.ci, range: cell.range, raw: cell.raw, flags: cell.flags)
            }
            return EfficacyRow(endpoint: row.label, group: row.group, footnotes: row.footnotes, unit: row.unit,
                               statistic: row.statistic, values: values, span: row.span)
        }
    }
}
