import Foundation

/// Reads `第四次修改日期：2024 年 12 月 13 日`, `修订日期：2020.06.01` and `核准日期：2007年01月10日`,
/// on the `RuleFold` form of each line (`修訂日期`, `核準日期`). The words and the date's form
/// are metadata.json's `dates`.
struct RevisionDateReader {
    let rules: MetadataRules

    init(rules: MetadataRules = .standard) {
        self.rules = rules
    }

    /// The first date in `text`, for a 【说明书修订日期】 section that holds just the date.
    func firstDate(_ written: String) -> String? {
        let text = RuleFold.fold(written)
        guard let m = rules.dates.date.firstMatch(folded: text) else { return nil }
        return isoDate(group(m, 1, text), group(m, 2, text), group(m, 3, text))
    }

    /// Whether a heading (`【核准日期】`) names the approval date.
    func namesApproval(_ heading: String) -> Bool {
        let folded = RuleFold.fold(heading)
        return rules.dates.approvalWords.contains { folded.contains($0) }
    }

    /// Whether a line names a date (`修改日期：…`): only such lines are read for dates.
    func namesDate(_ line: SourceLine) -> Bool {
        let folded = line.folded
        return rules.dates.dateWords.contains { folded.contains($0) }
    }

    struct Found {
        var revisions: [Revision] = []
        var approvalDate: (date: String, span: SourceSpan)?
    }

    func read(_ lines: [SourceLine]) -> Found {
        var found = Found()
        for line in lines where !line.isBlank && namesDate(line) {
            let text = line.folded
            let range = NSRange(text.startIndex..., in: text)
            for m in rules.dates.revision.regex.matches(in: text, range: range) {
                let ordinal = group(m, 1, text).flatMap(ChineseNumeral.value)
                guard let date = isoDate(group(m, 2, text), group(m, 3, text), group(m, 4, text)) else { continue }
                found.revisions.append(Revision(ordinal: ordinal, date: date, span: line.span))
            }
            if found.approvalDate == nil, let m = rules.dates.approval.firstMatch(folded: text),
               let date = isoDate(group(m, 1, text), group(m, 2, text), group(m, 3, text)) {
                found.approvalDate = (date, line.span)
            }
        }
        return found
    }

    private func group(_ m: NSTextCheckingResult, _ n: Int, _ text: String) -> String? {
        Range(m.range(at: n), in: text).map { String(text[$0]) }
    }

    private func isoDate(_ y: String?, _ m: String?, _ d: String?) -> String? {
        guard let y = y.flatMap({ Int($0) }), let m = m.flatMap({ Int($0) }), let d = d.flatMap({ Int($0) }),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
