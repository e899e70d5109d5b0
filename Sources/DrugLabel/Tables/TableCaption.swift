/// The line that opens a table: `表 1.   ZUMA-1 研究…`, `表5.  ZUMA-1 II期…`, `表 3.  CRS 分级…`.
struct TableCaption: Sendable, Hashable {
    /// Normalized: `表 5`.
    var id: String
    /// The caption without the id, as written.
    var text: String

    /// Nil for prose that merely starts with 表 (`表7。Axicabtagene Ciloleucel组18个月时…，`).
    init?(_ line: String, rules: TableRules) {
        guard line.hasBytePrefix("表"), let last = line.last, !rules.captionRejectEndings.contains(last),
              let groups = TableRules.groups(rules.caption, line),
              let digits = groups[0], let text = groups[1] else { return nil }
        let number = String(digits.unicodeScalars.map { s -> Character in
            (0xFF10...0xFF19).contains(s.value) ? Character(Unicode.Scalar(s.value - 0xFF10 + 0x30)!) : Character(s)
        })
        id = "表 \(Int(number) ?? 0)"
        self.text = text.trimmingSpaces()
    }
}
