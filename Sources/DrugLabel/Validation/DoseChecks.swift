/// Doses of the product in 【用法用量】 against the rest of the label: none above a maximum the
/// label states for the same unit, and each in a unit that 【规格】 gives the strength in (or a
/// unit of the same kind: mg against g).
struct DoseChecks {
    let common: ValidationRules.Common
    let fold: TextFold
    let dosingRules: DosingRules

    func check(_ label: Label) -> [Finding] {
        var findings: [Finding] = []
        let product = label.metadata.genericName.map(fold.fold)
        func isProduct(_ d: Dose) -> Bool {
            guard let product else { return true }
            let drug = fold(d.drug)
            return !drug.isEmpty && (drug.contains(product) || product.contains(drug))
        }
        // Steps and totals are not single doses: a course total may well exceed a daily ceiling.
        let dosing = label.doses.filter { $0.section == "dosage_and_administration" && isProduct($0) && $0.kind == nil && $0.qualifier != "maximum" }
        // A ceiling is the maximum of the dose it bounds, or a dose of its own qualified maximum.
        let maxima = label.doses.filter(isProduct).compactMap { d in d.maximum.map { (max: $0, line: d.span.startLine) } }
            + label.doses.filter { isProduct($0) && $0.qualifier == "maximum" }.map {
                (max: Dose.Maximum(amount: $0.amount, unit: $0.unit, per: $0.per, text: $0.text), line: $0.span.startLine)
            }
        for d in dosing {
            guard let amount = d.amount.high ?? d.amount.value else { continue }
            for m in maxima where m.max.unit == d.unit && DoseChecks.comparable(d.per, under: m.max.per) {
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

    /// Whether a dose per `per` can be held against a ceiling per `ceiling`: one administration
    /// above a daily ceiling is above it too; weight and surface doses only against their own.
    static func comparable(_ per: String?, under ceiling: String?) -> Bool {
        switch ceiling {
        case "kg", "m2": return per == ceiling
        case "day": return per == nil || per == "dose" || per == "day"
        default: return per == nil || per == "dose" || per == ceiling
        }
    }
}
