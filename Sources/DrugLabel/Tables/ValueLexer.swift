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

    /// A chunk's place in the line's scalars. The lexer reads the chunks in place, from the
    /// end up to the first that is no value, and makes Strings only of the tokens it keeps:
    /// every line of a table's region is lexed.
    private struct Chunk {
        var range: Range<Int>
        var spacesBefore: Int
    }

    func lex(_ line: String) -> Result {
        let s = [Unicode.Scalar](scalarsOf: line)
        let chunks = ValueLexer.chunks(s)
        // Gathered from the end and turned round in place; room for all the chunks is made only
        // once a value is found (header, group and note lines hold none).
        var values: [Token] = []
        var i = chunks.count - 1
        while i >= 0 {
            let chunk = chunks[i]
            let token: Token
            if isInterval(s, chunk.range) {
                // `8.3 [4.5, 15.8]`: an interval one space after its value belongs to it.
                if i > 0, isValue(s, chunks[i - 1].range), s[chunk.range.lowerBound] == "[" {
                    token = Token(raw: s.string(chunks[i - 1].range) + " " + s.string(chunk.range),
                                  spacesBefore: chunks[i - 1].spacesBefore, intervalOnly: false)
                    i -= 2
                } else {
                    token = Token(raw: s.string(chunk.range), spacesBefore: chunk.spacesBefore, intervalOnly: true)
                    i -= 1
                }
            } else if isValue(s, chunk.range) {
                token = Token(raw: s.string(chunk.range), spacesBefore: chunk.spacesBefore, intervalOnly: false)
                i -= 1
            } else {
                break
            }
            if values.isEmpty { values.reserveCapacity(chunks.count) }
            values.append(token)
        }
        let label: String
        if i < 0 {
            label = ""
        } else if i + 1 < chunks.count {
            label = s.string(s.trimmed(0..<chunks[i + 1].range.lowerBound))
        } else {
            label = line.trimmingSpaces()
        }
        values.reverse()
        return Result(label: label, values: values)
    }

    /// A number (`46`, `0.40`, `14.4+`, `<0.0001`), `NE`, `NA` or a dash, with an interval
    /// written right after it (`79（58，93）`, `NE（NE，NE）`).
    func isValue(_ text: String) -> Bool {
        let s = [Unicode.Scalar](scalarsOf: text)
        return isValue(s, 0..<s.count)
    }

    // MARK: - The same questions of scalars in place (`s[r]`), as the String forms below answer them

    private func isValue(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        if isMissing(s, r) { return true }
        let (head, interval) = splitInterval(s, r)
        if let interval, !isInterval(s, interval), !parenthesized(s, interval) { return false }
        return bound(s, head)
    }

    private func isMissing(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        r.count == 1 && UTF8.width(s[r.lowerBound]) <= 3 && rules.isMissing(s.string(r))
    }

    private func splitInterval(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (head: Range<Int>, interval: Range<Int>?) {
        guard let open = r.first(where: { s[$0] == "（" || s[$0] == "(" || s[$0] == "[" }), open != r.lowerBound else { return (r, nil) }
        return (s.trimmed(r.lowerBound..<open), open..<r.upperBound)
    }

    private func isInterval(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard let a = r.first, let z = r.last, a < z else { return false }
        let first = s[a], last = s[z]
        guard (first == "（" && (last == "）" || last == ")")) || (first == "(" && (last == ")" || last == "）"))
                || (first == "[" && last == "]") else { return false }
        // The parts between commas, empty ones left out, as `split` gives them: two, each a
        // bound. Counted in place (every chunk of every table line asks).
        var low: Range<Int>?, high: Range<Int>?
        var parts = 0
        var start = a + 1
        func part(_ r: Range<Int>) {
            parts += 1
            if parts == 1 { low = r } else if parts == 2 { high = r }
        }
        for i in (a + 1)..<z where s[i] == "," || s[i] == "，" {
            if i > start { part(start..<i) }
            start = i + 1
        }
        if z > start { part(start..<z) }
        guard parts == 2, let low, let high else { return false }
        return bound(s, s.trimmed(low)) && bound(s, s.trimmed(high))
    }

    /// `（60）`, and the percentage of a count written with its sign, `（10.0%）`.
    private func parenthesized(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard let a = r.first, let z = r.last, s[a] == "（" || s[a] == "(", s[z] == "）" || s[z] == ")", a < z else { return false }
        var inner = s.trimmed((a + 1)..<z)
        if inner.count > 1, s[inner.upperBound - 1] == "%" || s[inner.upperBound - 1] == "％" { inner = inner.lowerBound..<(inner.upperBound - 1) }
        return bound(s, inner)
    }

    private func bound(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        // The not-a-number words are short ASCII (`rules.isNotANumber` asks no other text).
        if r.count <= 4, r.allSatisfy({ s[$0].isASCII }), rules.isNotANumber(s.string(r)) { return true }
        var a = r.lowerBound, z = r.upperBound
        if a < z, ValueLexer.comparisons.contains(s[a]) { a += 1 }
        if a < z, s[z - 1] == "+" { z -= 1 }
        guard a < z else { return false }
        var dot = false, digits = 0
        for i in a..<z {
            let c = s[i]
            if ("0"..."9").contains(c) { digits += 1 } else if c == "." && !dot && digits > 0 { dot = true } else { return false }
        }
        return digits > 0 && s[z - 1] != "."
    }

    private static let comparisons = ScalarSet("<>≤≥＜＞")

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
    private static func chunks(_ s: [Unicode.Scalar]) -> [Chunk] {
        var result: [Chunk] = []
        var spaces = 0
        var depth = 0
        var start: Int?
        for i in s.indices {
            let c = s[i]
            if c == " " && depth == 0 {
                if let from = start {
                    // Room for a row's chunks at once, not grown from one.
                    if result.isEmpty { result.reserveCapacity(16) }
                    result.append(Chunk(range: from..<i, spacesBefore: spaces))
                    start = nil
                    spaces = 0
                }
                spaces += 1
            } else {
                if start == nil { start = i }
                if c == "（" || c == "(" || c == "[" { depth += 1 }
                if (c == "）" || c == ")" || c == "]") && depth > 0 { depth -= 1 }
            }
        }
        if let from = start { result.append(Chunk(range: from..<s.count, spacesBefore: spaces)) }
        return result
    }
}
