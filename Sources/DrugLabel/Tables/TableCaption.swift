/// The line that opens a table: `表 1.   ZUMA-1 研究…`, `表5.  ZUMA-1 II期…`, `表 3.  CRS 分级…`.
struct TableCaption: Sendable, Hashable {
    /// Normalized: `表 5`.
    var id: String
    /// The caption without the id, as written.
    var text: String

    /// Nil for prose that merely starts with 表 (`表7。Axicabtagene Ciloleucel组18个月时…，`).
    init?(_ line: SourceLine, rules: TableRules) {
        guard rules.mayBeCaption(line), let groups = TableRules.groups(rules.caption, line), let last = line.text.lastScalar.map(RuleFold.fold),
              !rules.captionRejectEndings.contains(last), let digits = groups[0], let text = groups[1] else { return nil }
        // Full-width digits (`表１`) count as theirs.
        id = "表 \(Int(RuleFold.fold(digits)) ?? 0)"
        self.text = text.trimmingSpaces()
    }
}
