/// A row or group label with its annotations moved out: `客观缓解率（ORR）a（%）（95%CI）` is the
/// label `客观缓解率（ORR）`, footnote `a`, unit `%`, statistic `95%CI`; `疲劳 a` is `疲劳` with
/// footnote `a`; `各类检查#` is `各类检查` with footnote `#`.
///
/// Works on Unicode scalars: every table row goes through here, and Character comparison
/// (grapheme breaking, normalization) cost more than the whole rule.
struct RowLabel: Sendable, Hashable {
    var text: String
    var footnotes: [String] = []
    var unit: String?
    var statistic: String?

    init(_ written: String, rules: TableRules) {
        if RowLabel.isPlain(written, rules: rules) {
            // Nothing `init(reading:)` acts on: the label is the text, tidied as `tidy` does
            // (with no comma in it, trimming the spaces is all of its trimming).
            let trimmed = written.trimmingSpaces()
            self.init(text: trimmed.containsBytes("  ") ? trimmed.collapsingSpaces() : trimmed)
        } else {
            self.init(reading: written, rules: rules)
        }
    }

    private init(text: String) {
        self.text = text
    }

    /// The label read scalar by scalar, annotations moved out.
    init(reading written: String, rules: TableRules) {
        let c = Array(written.unicodeScalars)
        var label: [Unicode.Scalar] = []
        label.reserveCapacity(c.count)
        var statistics: [String] = []
        var i = 0
        // Whether the label has text yet: unit and statistic words count only after it.
        var hasText = false
        while i < c.count {
            let ch = c[i]
            if let close = RowLabel.closing(of: ch), let end = RowLabel.close(c, from: i + 1, for: ch, close) {
                let inner = c.string((i + 1)..<end).trimmingSpaces()
                let folded = TextFold.standard.fold(inner)
                if unit == nil, hasText, RowLabel.contains(rules.units, folded) {
                    unit = inner
                } else if hasText, RowLabel.contains(rules.statistics, folded) {
                    statistics.append(inner)
                } else {
                    label.append(contentsOf: c[i...end])
                    hasText = true
                }
                i = end + 1
                continue
            }
            if ch == "#" {
                var j = i
                while j < c.count, c[j] == "#" { j += 1 }
                footnotes.append(c.string(i..<j))
                i = j
                continue
            }
            if let (marks, next) = RowLabel.marks(c, at: i) {
                footnotes += marks
                i = next
                continue
            }
            if (ch == "，" || ch == ","), hasText {
                // `最佳客观缓解率，% [95% CI]`, `事件数，n（%）`, `…（月），中位值（95%CI）`
                var j = i + 1
                while j < c.count, c[j] == " " { j += 1 }
                if let (word, next) = RowLabel.word(c, at: j, among: rules.statistics) {
                    statistics.append(word)
                    i = next
                    continue
                }
                if unit == nil, let (word, next) = RowLabel.word(c, at: j, among: rules.units) {
                    unit = word
                    i = next
                    continue
                }
            }
            if hasText, rules.statisticOpenings.contains(ch),
               let (word, next) = RowLabel.word(c, at: i, among: rules.statistics) {
                // `…（月）b中位值 c（95%CI）`: a statistic word after the label proper.
                statistics.append(word)
                i = next
                continue
            }
            label.append(ch)
            if ch != " " && ch != "，" && ch != "," { hasText = true }
            i += 1
        }
        text = RowLabel.tidy(label)
        if let first = statistics.first {
            statistic = statistics.count == 1 ? first : first + statistics.dropFirst().map { "（\($0)）" }.joined()
        }
    }

    /// The label's scalars as `String(label).trimmingSpaces().trimming("，, ").collapsingSpaces()`
    /// would give them, without the intermediate Strings (every row label passes here).
    private static func tidy(_ label: [Unicode.Scalar]) -> String {
        var range = label.trimmed(0..<label.count)
        while let first = range.first, RowLabel.edges.contains(label[first]) { range = (first + 1)..<range.upperBound }
        while let last = range.last, RowLabel.edges.contains(label[last]) { range = range.lowerBound..<last }
        let text = label.string(range)
        // Without two spaces in a row there is nothing to collapse.
        return text.containsBytes("  ") ? text.collapsingSpaces() : text
    }

    private static let edges = ScalarSet("，, ")

    /// What `init(reading:)` acts on: a bracket that opens, `#`, a footnote letter, a comma,
    /// the first scalar of a statistic word. Every other scalar is appended to the label as it
    /// is, so a label with none of them is its own text (most row labels: `发热`, `中性粒细胞减少症`).
    private static let actedOn = ScalarSet("（([#，,abcdefghijklmnopqrstuvwxyz")

    static func isPlain(_ written: String, rules: TableRules) -> Bool {
        for s in written.unicodeScalars where actedOn.contains(s) || rules.statisticOpenings.contains(s) { return false }
        return true
    }

    /// Footnote letters at `i`: `a`, `a,b`, not preceded by a Latin letter or digit, and followed
    /// by the end, a bracket or a Han character with no space between (`p 值` is not a mark).
    static func marks(_ c: [Unicode.Scalar], at i: Int) -> ([String], Int)? {
        guard isMarkLetter(c[i]) else { return nil }
        if i > 0, c[i - 1].isASCII, c[i - 1].properties.isAlphabetic || ("0"..."9").contains(c[i - 1]) || c[i - 1] == "-" || c[i - 1] == "." {
            return nil
        }
        var marks = [String(c[i])]
        var j = i + 1
        while j + 1 < c.count, c[j] == "," || c[j] == "，", isMarkLetter(c[j + 1]) { marks.append(String(c[j + 1])); j += 2 }
        if j == c.count { return (marks, j) }
        let next = c[j]
        if next.isASCII && (next.properties.isAlphabetic || ("0"..."9").contains(next)) { return nil }
        if next == " " {
            // `疲劳 a` at the end, or `结局 a` before nothing but space.
            return c[j...].allSatisfy({ $0 == " " }) ? (marks, c.count) : nil
        }
        return (marks, j)
    }

    /// The first of `words` (folded) that the text at `i` spells, as written, and where it ends.
    private static func word(_ c: [Unicode.Scalar], at i: Int, among words: [String]) -> (String, Int)? {
        for word in words {
            var j = i
            var matched = true
            for w in word.unicodeScalars {
                // The text may hold spaces the folded word has not (`95% CI`).
                while j < c.count, TextFold.standard.scalar(c[j]) == nil { j += 1 }
                guard j < c.count, TextFold.standard.scalar(c[j]) == w else { matched = false; break }
                j += 1
            }
            if matched { return (c.string(i..<j), j) }
        }
        return nil
    }

    private static func contains(_ words: [String], _ folded: String) -> Bool {
        words.contains { $0.utf8.elementsEqual(folded.utf8) }
    }

    private static func isMarkLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }

    private static func closing(of s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s {
        case "（": return "）"
        case "(": return ")"
        case "[": return "]"
        default: return nil
        }
    }

    /// The matching close; PDFs mix widths (`（N = 170)`).
    private static func close(_ c: [Unicode.Scalar], from: Int, for open: Unicode.Scalar, _ close: Unicode.Scalar) -> Int? {
        guard from < c.count else { return nil }
        let alt: Unicode.Scalar = open == "（" ? ")" : open == "(" ? "）" : "]"
        return c[from...].firstIndex(of: close) ?? c[from...].firstIndex(of: alt)
    }
}
