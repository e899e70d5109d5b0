/// A row or group label with its annotations moved out: `客观缓解率（ORR）a（%）（95%CI）` is the
/// label `客观缓解率（ORR）`, footnote `a`, unit `%`, statistic `95%CI`; `疲劳 a` is `疲劳` with
/// footnote `a`; `各类检查#` is `各类检查` with footnote `#`.
struct RowLabel: Sendable, Hashable {
    var text: String
    var footnotes: [String] = []
    var unit: String?
    var statistic: String?

    init(_ written: String, rules: TableRules) {
        let c = Array(written)
        var label: [Character] = []
        var statistics: [String] = []
        var i = 0
        func labelIsEmpty() -> Bool { String(label).trimmingSpaces().trimming("，,").isEmpty }
        while i < c.count {
            let ch = c[i]
            if let close = RowLabel.closing(of: ch), let end = c[(i + 1)...].firstIndex(of: close) ?? RowLabel.altClose(c, from: i + 1, for: ch) {
                let inner = String(c[(i + 1)..<end]).trimmingSpaces()
                let folded = CheapFold.fold(inner)
                if unit == nil, !labelIsEmpty(), rules.units.contains(folded) {
                    unit = inner
                    i = end + 1
                    continue
                }
                if !labelIsEmpty(), rules.statistics.contains(folded) {
                    statistics.append(inner)
                    i = end + 1
                    continue
                }
                label.append(contentsOf: c[i...end])
                i = end + 1
                continue
            }
            if ch == "#" {
                var j = i
                while j < c.count, c[j] == "#" { j += 1 }
                footnotes.append(String(c[i..<j]))
                i = j
                continue
            }
            if let (marks, next) = RowLabel.marks(c, at: i) {
                footnotes += marks
                i = next
                continue
            }
            if (ch == "，" || ch == ",") && !labelIsEmpty() {
                // `最佳客观缓解率，% [95% CI]`, `事件数，n（%）`, `…（月），中位值（95%CI）`
                let rest = String(c[(i + 1)...]).trimmingSpaces()
                let foldedRest = CheapFold.fold(rest)
                if let word = rules.statistics.first(where: { foldedRest.hasPrefix($0) }) {
                    let taken = RowLabel.prefix(of: rest, foldedLength: word.count)
                    statistics.append(taken)
                    i = c.count - rest.count + taken.count
                    continue
                }
                if unit == nil, let word = rules.units.first(where: { foldedRest.hasPrefix($0) }) {
                    let taken = RowLabel.prefix(of: rest, foldedLength: word.count)
                    unit = taken
                    i = c.count - rest.count + taken.count
                    continue
                }
            }
            if !ch.isASCII, !labelIsEmpty() {
                // `…（月）b中位值 c（95%CI）`: a statistic word after the label proper.
                let rest = String(c[i...])
                let foldedRest = CheapFold.fold(rest)
                if let word = rules.statistics.first(where: { !$0.unicodeScalars.first!.isASCII && foldedRest.hasPrefix($0) }) {
                    let taken = RowLabel.prefix(of: rest, foldedLength: word.count)
                    statistics.append(taken)
                    i += taken.count
                    continue
                }
            }
            label.append(ch)
            i += 1
        }
        text = String(label).trimmingSpaces().trimming("，, ").collapsingSpaces()
        if let first = statistics.first {
            statistic = statistics.count == 1 ? first : first + statistics.dropFirst().map { "（\($0)）" }.joined()
        }
    }

    /// Footnote letters at `i`: `a`, `a,b`, not preceded by a Latin letter or digit, and followed
    /// by the end, a bracket or a Han character with no space between (`p 值` is not a mark).
    static func marks(_ c: [Character], at i: Int) -> ([String], Int)? {
        guard isMarkLetter(c[i]) else { return nil }
        if i > 0, c[i - 1].isASCII, c[i - 1].isLetter || c[i - 1].isNumber || c[i - 1] == "-" || c[i - 1] == "." { return nil }
        var marks = [String(c[i])]
        var j = i + 1
        while j + 1 < c.count, c[j] == "," || c[j] == "，", isMarkLetter(c[j + 1]) { marks.append(String(c[j + 1])); j += 2 }
        if j == c.count { return (marks, j) }
        let next = c[j]
        if next.isASCII && (next.isLetter || next.isNumber) { return nil }
        if next == " " {
            // `疲劳 a` at the end, or `结局 a` before nothing but space.
            return c[j...].allSatisfy({ $0 == " " }) ? (marks, c.count) : nil
        }
        return (marks, j)
    }

    private static func isMarkLetter(_ ch: Character) -> Bool {
        guard let a = ch.asciiValue else { return false }
        return a >= 0x61 && a <= 0x7A
    }

    private static func closing(of ch: Character) -> Character? {
        switch ch {
        case "（": return "）"
        case "(": return ")"
        case "[": return "]"
        default: return nil
        }
    }

    /// PDFs mix widths: `（N = 170)`.
    private static func altClose(_ c: [Character], from: Int, for open: Character) -> Int? {
        let alt: Character = open == "（" ? ")" : open == "(" ? "）" : "]"
        return from < c.count ? c[from...].firstIndex(of: alt) : nil
    }

    /// The shortest prefix of `text` whose fold is `foldedLength` characters long.
    static func prefix(of text: String, foldedLength: Int) -> String {
        var out = ""
        for ch in text {
            if CheapFold.fold(out).count >= foldedLength { break }
            out.append(ch)
        }
        return out
    }
}
