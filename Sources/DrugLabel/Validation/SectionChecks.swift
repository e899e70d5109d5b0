/// The sections against the profile: mandatory ones (the profile's and the catalogue's
/// `alwaysMandatory`) present, none twice, none empty, none the catalogue does not know, in the
/// prescribed order; and the three that must say something saying more than `尚不明确`.
struct SectionChecks {
    let profile: ValidationProfile
    let order: [String]
    let catalogue: SectionCatalogue
    let common: ValidationRules.Common
    let fold: TextFold

    func check(_ label: Label, latestDate: String?) -> [Finding] {
        var findings: [Finding] = []
        let keys = Set(label.sections.compactMap(\.key))
        // The profile's mandatory sections, and those the catalogue makes mandatory for every
        // kind of label (sections.json `alwaysMandatory`).
        let always = catalogue.alwaysMandatory.filter { key in !profile.mandatory.contains { $0.key == key } }
        let mandatory = profile.mandatory + always.map { ValidationProfile.Mandatory(key: $0, orAnyOf: nil, note: nil) }
        for m in mandatory where !keys.contains(m.key) {
            if let standIn = (m.orAnyOf ?? []).first(where: keys.contains), let s = label.section(standIn) {
                findings.append(Finding("section.standIn", .info,
                                        "no 【\(heading(m.key))】; 【\(s.heading)】 stands in for it\(m.note.map { " (\($0))" } ?? "")", line: s.span.startLine))
                continue
            }
            let instead = (m.orAnyOf ?? []).map { "【\(heading($0))】" }.joined(separator: " or ")
            let why = always.contains(m.key) ? "every kind of label must have it" : "the \(profile.name) rules make it mandatory"
            findings.append(Finding("section.missing", .error,
                                    "【\(heading(m.key))】 is missing; \(why)" + (instead.isEmpty ? "" : " (\(instead) would stand in for it)")))
        }
        var seen: [String: Int] = [:]
        for s in label.sections {
            guard let key = s.key else {
                findings.append(Finding("section.unknown", .warning, "【\(s.heading)】 is not a heading of the catalogue", line: s.span.startLine))
                continue
            }
            if let first = seen[key] {
                findings.append(Finding("section.duplicate", .error, "【\(s.heading)】 again (first at line \(first))", line: s.span.startLine))
            } else {
                seen[key] = s.span.startLine
            }
            if s.text.allSatisfy(\.isWhitespace) {
                findings.append(Finding("section.empty", .error, "【\(s.heading)】 has no text", line: s.span.startLine))
            }
        }
        findings += orderFindings(label)
        findings += notYetKnown(label, latestDate: latestDate)
        return findings
    }

    /// The sections that stand out of the prescribed order: those outside the longest run that
    /// keeps it.
    private func orderFindings(_ label: Label) -> [Finding] {
        var placed: [(section: Section, rank: Int)] = []
        var seen = Set<String>()
        for s in label.sections {
            guard let key = s.key, !seen.contains(key), let rank = order.firstIndex(of: key) else { continue }
            seen.insert(key)
            placed.append((s, rank))
        }
        guard placed.count > 1 else { return [] }
        let keep = LongestIncreasingRun.indexes(placed.map(\.rank))
        return placed.indices.filter { !keep.contains($0) }.map { i in
            let s = placed[i].section
            let before = placed[..<i].last { $0.rank > placed[i].rank }?.section
            let message = before.map { "【\(s.heading)】 comes after 【\($0.heading)】; the rules put it before" }
                ?? "【\(s.heading)】 is out of the prescribed order"
            return Finding("section.order", .warning, message, line: s.span.startLine)
        }
    }

    private func notYetKnown(_ label: Label, latestDate: String?) -> [Finding] {
        let rule = profile.notYetKnown
        let empty = Set(common.notYetKnownTexts.map(fold.fold))
        var findings: [Finding] = []
        for s in label.sections where s.key.map(rule.sections.contains) == true && empty.contains(fold(s.text)) {
            var severity = rule.severity
            var message = "【\(s.heading)】 says only “\(s.text.trimmingSpaces())”: \(rule.why)"
            if let from = rule.errorOnOrAfter {
                if let date = latestDate, date >= from {
                    severity = .error
                } else {
                    message += latestDate == nil ? " (the label gives no date; from \(from) it is an error)" : " (an error for labels revised from \(from))"
                }
            }
            findings.append(Finding("section.notYetKnown", severity, message, line: s.span.startLine))
        }
        return findings
    }

    private func heading(_ key: String) -> String { catalogue.entry(key)?.headings.first ?? key }
}
