/// One row of an adverse-reaction table read by meaning, not by column position: the system
/// organ class, the preferred term, and per arm the all-grade and grade ≥3 percentages.
public struct AdverseReactionRow: Codable, Sendable, Hashable {
    public struct ArmRates: Codable, Sendable, Hashable {
        public var arm: String
        public var n: Int?
        /// Percent of patients, any grade; nil where the table has `-` or lost the cell.
        public var allGrades: Double?
        /// Percent of patients with grade 3 or worse.
        public var grade3OrWorse: Double?
    }

    public var soc: String?
    public var term: String
    public var footnotes: [String]
    public var arms: [ArmRates]
    public var span: SourceSpan
}

extension Table {
    /// The rows as adverse reactions, when the columns are all-grade and ≥3-grade percentages
    /// per arm (`所有等级（%）`, `≥3 级（%）`); empty for any other table.
    public func adverseReactionRows(rules: TableRules = .standard) -> [AdverseReactionRow] {
        guard kind == .numeric else { return [] }
        let kinds = columns.map { path -> (all: Bool, severe: Bool) in
            let last = TextFold.standard.fold(path.last ?? "")
            return (rules.allGradeHeaders.contains { last.hasPrefix($0) }, rules.severeGradeHeaders.contains { last.hasPrefix($0) })
        }
        guard kinds.contains(where: \.all) || kinds.contains(where: \.severe) else { return [] }
        let armList = arms.isEmpty ? [Arm(name: "", n: nil, footnotes: [], columns: Array(columns.indices))] : arms
        return rows.map { row in
            let rates = armList.map { arm -> AdverseReactionRow.ArmRates in
                var rate = AdverseReactionRow.ArmRates(arm: arm.name, n: arm.n)
                for c in arm.columns where c < row.cells.count {
                    if kinds[c].all { rate.allGrades = row.cells[c].value }
                    if kinds[c].severe { rate.grade3OrWorse = row.cells[c].value }
                }
                return rate
            }
            return AdverseReactionRow(soc: row.group, term: row.label, footnotes: row.footnotes, arms: rates, span: row.span)
        }
    }
}
