/// Doses of the product in 【用法用量】 against the rest of the label: none above a maximum the
/// label states for the same unit, and each in a unit that 【规格】 gives the strength in (or a
/// unit of the same kind: mg against g).
struct DoseChecks {
    let common: ValidationRules.Common
    let folder: Folder
    let dosingRules: DosingRules

    func check(_ label: Label) -> [Finding] {
        var findings: [Finding] = []
        let product = label.metadata.genericName.map(folder.fold)
        func isProduct(_ d: Dose) -> Bool {
            guard let product else { return true }
            let drug = folder.fold(d.drug)
            return !drug.isEmpty && (drug.contains(product) || product.contains(drug))
        }
        let dosing = label.doses.filter { $0.section == "dosage_and_administration" && isProduct($0) }
        let maxima = label.doses.filter(isProduct).compactMap { d in d.maximum.map { (max: $0, line: d.span.startLine) } }
        for d in dosing {
            guard let amount = d.amount.high ?? d.amount.value else { continue }
            for m in maxima where m.max.unit == d.unit && m.max.per == d.per {
                guard let ceiling = m.max.amount.high ?? m.max.amount.value, amount > ceiling else { continue }
                findings.append(Finding("dose.aboveMaximum", .error,
                                        "“\(d.text)” is above the maximum “\(m.max.text)” the label states at line \(m.line)",
                                        line: d.span.startLine))
            }
        }
        // The strengths as 【规格】 writes them (`100 mg/瓶` is a strength, not a dosing statement).
        guard let strength = label.section("dosage_forms_and_strengths") else { return findings }
        let groups = common.unitGroups
        func group(_ unit: String) -> Int? { groups.firstIndex { $0.contains(unit) } }
        let measured = MeasureReader(rules: dosingRules).measures(in: Array(strength.text.unicodeScalars)).map(\.unit)
        let strengthUnits = Set((measured + label.doses.filter { $0.section == "dosage_forms_and_strengths" }.map(\.unit)).filter { group($0) != nil })
        guard !strengthUnits.isEmpty else { return findings }
        var reported = Set<String>()
        for d in dosing where !strengthUnits.contains(d.unit) {
            let kind = group(d.unit)
            if let kind, strengthUnits.contains(where: { group($0) == kind }) { continue }
            guard reported.insert(d.unit).inserted else { continue }
            findings.append(Finding("dose.unitMismatch", .warning,
                                    "“\(d.text)” doses in \(d.unitText), and 【规格】 gives the strength only in \(strengthUnits.sorted().joined(separator: ", "))",
                                    line: d.span.startLine))
        }
        return findings
    }
}
