import Foundation

/// Numbers that contradict themselves: a grade ≥3 rate above the all-grade rate of the same arm,
/// a percentage above 100, and a percentage that its own counts do not give (`45%（49/108）`).
struct NumberChecks {
    let common: ValidationRules.Common
    let tableRules: TableRules

    func check(_ label: Label) -> [Finding] {
        var findings: [Finding] = []
        for table in label.tables {
            for row in table.adverseReactionRows(rules: tableRules) {
                for arm in row.arms {
                    if let all = arm.allGrades, let severe = arm.grade3OrWorse, severe > all {
                        findings.append(Finding("numbers.grade3AboveAll", .error,
                                                "\(table.id) \(row.term)\(arm.arm.isEmpty ? "" : " (\(arm.arm))"): grade ≥3 \(format(severe))% is above all grades \(format(all))%",
                                                line: row.span.startLine))
                    }
                }
            }
            let percentColumns = Set(table.columns.indices.filter { c in table.columns[c].contains { $0.contains("%") } })
            for row in table.rows {
                for (c, cell) in row.cells.enumerated() where percentColumns.contains(c) || (row.unit ?? "").contains("%") {
                    if let v = cell.value, v > 100 {
                        findings.append(Finding("numbers.percentAbove100", .error,
                                                "\(table.id) \(row.label): \(cell.raw) in a percentage column is above 100", line: row.span.startLine))
                    }
                }
            }
        }
        let counted = try? NSRegularExpression(pattern: common.percentWithCountsPattern)
        for q in label.quantities where q.kind == "percentage" {
            if let v = q.value ?? q.high, v > 100 {
                findings.append(Finding("numbers.percentAbove100", .error, "“\(q.text)” is above 100%", line: q.span.startLine))
            }
            guard let counted, let match = counted.firstMatch(in: q.text, range: NSRange(q.text.startIndex..., in: q.text)),
                  let p = group(match, 1, q.text).flatMap(Double.init), let n = group(match, 2, q.text).flatMap(Double.init),
                  let total = group(match, 3, q.text).flatMap(Double.init) else { continue }
            if total == 0 || n > total {
                findings.append(Finding("numbers.countMismatch", .error, "“\(q.text)”: \(format(n)) of \(format(total)) is not a count of patients",
                                        line: q.span.startLine))
            } else if abs(n / total * 100 - p) > common.percentTolerance {
                findings.append(Finding("numbers.countMismatch", .error,
                                        "“\(q.text)”: \(format(n))/\(format(total)) is \(format((n / total * 1000).rounded() / 10))%, not \(format(p))%",
                                        line: q.span.startLine))
            }
        }
        return findings
    }

    private func group(_ match: NSTextCheckingResult, _ i: Int, _ text: String) -> String? {
        Range(match.range(at: i), in: text).map { String(text[$0]) }
    }

    private func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
