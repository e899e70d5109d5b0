import Foundation

/// The facts around the sections: holder and manufacturer both named once the 2019 Drug
/// Administration Law applies, the approval number's form, revision dates in order and not in
/// the future, and the title naming the generic name.
struct MetadataChecks {
    let common: ValidationRules.Common
    /// The valid forms of an approval number: the reader's rules.
    let metadata: MetadataRules
    let fold: TextFold
    /// Today, for dates in the future (ISO); a parameter so that a run can be repeated.
    let asOf: String

    func check(_ label: Label, latestDate: String?) -> [Finding] {
        var findings: [Finding] = []
        let m = label.metadata
        let keys = Set(label.sections.compactMap(\.key))
        if let date = latestDate, date >= common.holderRequiredFrom {
            if m.holder == nil && !keys.contains("marketing_authorization_holder") {
                findings.append(Finding("holder.missing", .error,
                                        "no 上市许可持有人 on a label dated \(date): \(common.holderLaw)"))
            }
            if m.manufacturer == nil && !keys.contains("manufacturer") {
                findings.append(Finding("manufacturer.missing", .error,
                                        "no 生产企业 on a label dated \(date): \(common.holderLaw)"))
            }
        }
        findings += approvalNumbers(label)
        findings += dates(label)
        if let title = label.title, let generic = m.genericName, !fold(title).contains(fold(generic)) {
            findings.append(Finding("title.genericName", .warning, "the title “\(title)” does not name the generic name \(generic)",
                                    line: m.titleSpan?.startLine))
        } else if label.title == nil {
            findings.append(Finding("title.missing", .warning, "no title (`…说明书`) before the sections"))
        }
        return findings
    }

    private func approvalNumbers(_ label: Label) -> [Finding] {
        guard let section = label.section("approval_number") else { return [] }
        let numbers = label.metadata.approvalNumbers
        if numbers.isEmpty {
            return [Finding("approvalNumber.form", .error,
                            "【\(section.heading)】 holds no approval number of a known form (\(metadata.approvalNumberNote)): “\(section.text.trimmingSpaces())”",
                            line: section.span.startLine)]
        }
        return numbers.filter { !metadata.isValidApprovalNumber($0) }.map { n in
            Finding("approvalNumber.form", .error, "\(n) is not of a known form (\(metadata.approvalNumberNote))", line: section.span.startLine)
        }
    }

    private func dates(_ label: Label) -> [Finding] {
        var findings: [Finding] = []
        let m = label.metadata
        if m.approvalDate == nil {
            findings.append(Finding("dates.approvalMissing", .warning,
                                    "no 核准日期: the rules put the approval date, then the revision dates, at the head of the label",
                                    line: m.revisions.first?.span.startLine))
        }
        var dated: [(date: String, what: String, line: Int?)] = []
        if let approval = m.approvalDate { dated.append((approval, "核准日期", m.$approvalDate.span?.startLine)) }
        for r in m.revisions { dated.append((r.date, r.ordinal.map { "第\($0)次修改日期" } ?? "修改日期", r.span.startLine)) }
        for d in dated where d.date > asOf {
            findings.append(Finding("dates.future", .error, "\(d.what) \(d.date) is in the future (today is \(asOf))", line: d.line))
        }
        // Revisions in the order of their ordinals, else as written, must not go back in time;
        // the approval date comes before all of them.
        let revisions = m.revisions.enumerated().sorted { ($0.element.ordinal ?? $0.offset, $0.offset) < ($1.element.ordinal ?? $1.offset, $1.offset) }.map(\.element)
        for (a, b) in zip(revisions, revisions.dropFirst()) where b.date < a.date {
            findings.append(Finding("dates.order", .error,
                                    "\(b.ordinal.map { "第\($0)次" } ?? "a later ")修改日期 \(b.date) is before \(a.ordinal.map { "第\($0)次" } ?? "the earlier ")修改日期 \(a.date)",
                                    line: b.span.startLine))
        }
        if let approval = m.approvalDate, let first = m.revisions.map(\.date).min(), first < approval {
            findings.append(Finding("dates.order", .error, "修改日期 \(first) is before 核准日期 \(approval)", line: m.$approvalDate.span?.startLine))
        }
        return findings
    }
}
