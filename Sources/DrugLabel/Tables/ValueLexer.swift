/// Splits a flattened table line into its label and the values at its end.
///
/// `疲劳 a - - 46 3` is the label `疲劳 a` and four values; `中位数（月）[95% CI]c 8.3 [4.5, 15.8]
/// 2.0 [1.6, 2.8]` is a label and two values with intervals; `（62，81）` alone is an interval.
/// The spaces before each value are kept: a double space where a single one is usual marks a
/// cell the PDF lost.
struct ValueLexer: Sendable {
    let rules: TableRules

    struct Token: Sendable, Hashable {
        /// As written, interval included (`79（58，93）`, `8.3 [4.5, 15.8]`).
        var raw: String
        /// Spaces between this token and the one before it.
        var spacesBefore: Int
        /// An interval with no value before it (a line `（62，81）`).
        var intervalOnly: Bool
    }

    struct Result: Sendable {
        /// The text before the values, trimmed; empty for a line of values only.
        var label: String
        var values: [Token]
    }

    private struct Chunk {
        var text: String
        var spacesBefore: Int
        var start: String.Index
    }

    func lex(_ line: String) -> Result {
        let chunks = ValueLexer.chunks(line)
        var values: [Token] = []
        var i = chunks.count - 1
        while i >= 0 {
            let chunk = chunks[i]
            if ValueLexer.isInterval(chunk.text, rules: rules) {
                // `8.3 [4.5, 15.8]`: an interval one space after its value belongs to it.
                if i > 0, isValue(chunks[i - 1].text), chunks[i].text.unicodeScalars.first == "[" {
                    values.append(Token(raw: chunks[i - 1].text + " " + chunk.text, spacesBefore: chunks[i - 1].spacesBefore,
                                        intervalOnly: false))
                    i -= 2
                } else {
                    values.append(Token(raw: chunk.text, spacesBefore: chunk.spacesBefore, intervalOnly: true))
                    i -= 1
                }
            } else if isValue(chunk.text) {
                values.append(Token(raw: chunk.text, spacesBefore: chunk.spacesBefore, intervalOnly: false))
                i -= 1
            } else {
                break
            }
        }
        let label: String
        if i < 0 {
            label = ""
        } else if i + 1 < chunks.count {
            label = String(line[..<chunks[i + 1].start])
        } else {
            label = line
        }
        return Result(label: label.trimmingSpaces(), values: values.reversed())
    }

    /// A number (`46`, `0.40`, `14.4+`, `<0.0001`), `NE`, `NA` or a dash, with an interval
    /// written right after it (`79（58，93）`, `NE（NE，NE）`).
    func isValue(_ text: String) -> Bool {
        if rules.isMissing(text) { return true }
        let (head, interval) = ValueLexer.splitInterval(text)
        if let interval, !ValueLexer.isInterval(interval, rules: rules),
           ValueLexer.parenthesized(interval, rules: rules) == nil { return false }
        return ValueLexer.bound(head, rules: rules) != nil
    }

    /// `72（62，81）` → (`72`, `（62，81）`); `72` → (`72`, nil).
    static func splitInterval(_ text: String) -> (head: String, interval: String?) {
        let scalars = text.unicodeScalars
        guard let open = scalars.firstIndex(where: { $0 == "（" || $0 == "(" || $0 == "[" }), open != scalars.startIndex else {
            return (text, nil)
        }
        return (String(scalars[..<open]).trimmingSpaces(), String(scalars[open...]))
    }

    /// `（62，81）`, `(65, 82)`, `[4.5, 15.8]`, `（0.03+，14.4+）`, `（NE，NE）`.
    static func isInterval(_ text: String, rules: TableRules) -> Bool {
        bounds(text, rules: rules) != nil
    }

    /// The two bounds of an interval as written, or nil when `text` is not one.
    static func bounds(_ text: String, rules: TableRules) -> (String, String)? {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              (first == "（" && (last == "）" || last == ")")) || (first == "(" && (last == ")" || last == "）"))
                || (first == "[" && last == "]") else { return nil }
        let inner = scalars.dropFirst().dropLast()
        let parts = inner.split(whereSeparator: { $0 == "," || $0 == "，" })
        guard parts.count == 2 else { return nil }
        let low = String(parts[0]).trimmingSpaces(), high = String(parts[1]).trimmingSpaces()
        guard bound(low, rules: rules) != nil, bound(high, rules: rules) != nil else { return nil }
        return (low, high)
    }

    /// `（60）` in `108（60）` (a count and its percentage): the number inside, as written.
    static func parenthesized(_ text: String, rules: TableRules) -> String? {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, first == "（" || first == "(", last == "）" || last == ")" else {
            return nil
        }
        return bound(String(scalars.dropFirst().dropLast()).trimmingSpaces(), rules: rules)
    }

    /// A single value as written: a number with an optional comparison sign before it and `+`
    /// after it, or one of the not-estimable / not-available words.
    static func bound(_ text: String, rules: TableRules) -> String? {
        if rules.isNotANumber(text) { return text }
        var scalars = Substring(text).unicodeScalars
        if let f = scalars.first, "<>≤≥＜＞".unicodeScalars.contains(f) { scalars = scalars.dropFirst() }
        if scalars.last == "+" { scalars = scalars.dropLast() }
        guard !scalars.isEmpty else { return nil }
        var dot = false, digits = 0
        for s in scalars {
            if ("0"..."9").contains(s) { digits += 1 } else if s == "." && !dot && digits > 0 { dot = true } else { return nil }
        }
        return digits > 0 && scalars.last != "." ? text : nil
    }

    /// White-space separated chunks, a bracketed group kept whole across its inner spaces.
    private static func chunks(_ line: String) -> [Chunk] {
        var result: [Chunk] = []
        let scalars = line.unicodeScalars
        var spaces = 0
        var depth = 0
        var start: String.Index?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            if c == " " && depth == 0 {
                if let s = start {
                    result.append(Chunk(text: String(scalars[s..<i]), spacesBefore: spaces, start: s))
                    start = nil
                    spaces = 0
                }
                spaces += 1
            } else {
                if start == nil { start = i }
                if c == "（" || c == "(" || c == "[" { depth += 1 }
                if (c == "）" || c == ")" || c == "]") && depth > 0 { depth -= 1 }
            }
            i = scalars.index(after: i)
        }
        if let s = start { result.append(Chunk(text: String(scalars[s...]), spacesBefore: spaces, start: s)) }
        return result
    }
}
