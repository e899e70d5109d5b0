import Foundation
import DrugLabel
import LabelStore

/// Adverse-reaction rows as tidy data: one line per table row, arm and grade, so that a
/// spreadsheet or data frame filters and pivots on plain columns.
enum ReactionCSV {
    static let header = ["file", "line", "end_line", "table", "soc", "term", "arm", "n", "grade", "percent"]

    /// A grade the row has no value for in any arm is a column the table does not have: no
    /// lines for it. A grade it has in some arm gets a line in every arm, with an empty percent
    /// where the table has `-` or lost the cell, so that no arm silently drops out.
    static func rows(_ hit: LabelStore.ReactionHit) -> [[String]] {
        let r = hit.row
        let grades: [(name: String, value: (AdverseReactionRow.ArmRates) -> Double?)] = [
            ("all", \.allGrades), ("3+", \.grade3OrWorse),
        ].filter { grade in r.arms.contains { grade.value($0) != nil } }
        return r.arms.flatMap { arm in
            grades.map { grade in
                [hit.path, String(r.span.startLine), String(r.span.endLine), hit.table, r.soc ?? "", r.term, arm.arm,
                 arm.n.map(String.init) ?? "", grade.name, TableCSV.number(grade.value(arm))]
            }
        }
    }
}
