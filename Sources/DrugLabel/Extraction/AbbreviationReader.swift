/// Definitions of abbreviations: `细胞因子释放综合征（CRS）`, `嵌合抗原受体（CAR）`,
/// `cytokine release syndrome (CRS)`. The long form is the term right before the bracket: a run
/// of Han characters, cut after the last word that ends the clause before it (`伴随有`, `和`),
/// or Latin words whose initials spell the short form.
struct AbbreviationReader: Sendable {
    /// In their `RuleFold` form, so that `伴隨有` in a Traditional label ends a clause as `伴随有` does.
    let leadWords: [String]
    /// The same, as scalars: they are looked for in the scalars of each term.
    private let leadScalars: [[Unicode.Scalar]]

    init(leadWords: [String]) {
        self.leadWords = leadWords.map(RuleFold.fold)
        leadScalars = self.leadWords.map { Array($0.unicodeScalars) }
    }

    func read(_ text: String, span: SourceSpan) -> [Abbreviation] {
        // Most paragraphs have no bracket that opens with a capital: nothing to decode.
        guard AbbreviationReader.mayHoldShortForm(text) else { return [] }
        let s = [Unicode.Scalar](scalarsOf: text)
        var found: [Abbreviation] = []
        var i = 0
        while i < s.count {
            guard s[i] == "（" || s[i] == "(" else { i += 1; continue }
            var j = i + 1
            while j < s.count, j - i <= 16, s[j] != "）" && s[j] != ")" { j += 1 }
            guard j < s.count, j - i <= 16 else { i += 1; continue }
            // A short form opens with a capital: most brackets hold Han text, ruled out here
            // before a String is made of them.
            let inner = s.trimmed((i + 1)..<j)
            guard !inner.isEmpty, ("A"..."Z").contains(s[inner.lowerBound]) else { i = j + 1; continue }
            let short = s.string(inner)
            if AbbreviationReader.isShortForm(short), let long = longForm(s, before: i, short: short) {
                found.append(Abbreviation(short: short, long: long, span: span))
            }
            i = j + 1
        }
        return found
    }

    /// Whether some `（` or `(` is followed, past white space, by a capital: the one thing every
    /// short form's bracket has. Read on the bytes, as every paragraph of a label passes here
    /// and decoding each to scalars was 2% of a large label's parse. It skips the white space
    /// `trimmed` does (`String.isSpace`), so it passes every bracket `read` would take.
    static func mayHoldShortForm(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                var next: Int
                if c == 0x28 { next = i + 1 } else if c == 0xEF, i + 2 < n, b[i + 1] == 0xBC, b[i + 2] == 0x88 { next = i + 3 } else {
                    i += 1
                    continue
                }
                // ` `, tab, form feed, CR; U+00A0 (C2 A0); U+3000 (E3 80 80).
                while next < n {
                    let d = b[next]
                    if d == 0x20 || d == 0x09 || d == 0x0C || d == 0x0D { next += 1 }
                    else if d == 0xC2, next + 1 < n, b[next + 1] == 0xA0 { next += 2 }
                    else if d == 0xE3, next + 2 < n, b[next + 1] == 0x80, b[next + 2] == 0x80 { next += 3 }
                    else { break }
                }
                if next < n, b[next] >= 0x41, b[next] <= 0x5A { return true }
                i = next
            }
            return false
        }
    }

    /// `properties.isIdeographic`, answered without the property lookup for ASCII (never) and
    /// the CJK Unified Ideographs block up to U+9FEF (all assigned since Unicode 11): the
    /// reader walks back over every character of a term.
    static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return false }
        if (0x4E00...0x9FEF).contains(s.value) { return true }
        return s.properties.isIdeographic
    }

    /// `CRS`, `ICANS`, `CAR-T`, `IL-6`: an upper-case letter first, two to twelve letters,
    /// digits and hyphens, at least two of them upper case.
    static func isShortForm(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard (2...12).contains(scalars.count), let first = scalars.first, ("A"..."Z").contains(first) else { return false }
        guard scalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { return false }
        return scalars.filter { ("A"..."Z").contains($0) }.count >= 2
    }

    private func longForm(_ s: [Unicode.Scalar], before end: Int, short: String) -> String? {
        var k = end
        while k > 0, s[k - 1] == " " { k -= 1 }
        guard k > 0 else { return nil }
        if AbbreviationReader.isIdeographic(s[k - 1]) {
            var start = k
            // `弥漫性大 B 细胞淋巴瘤`: a single Latin letter inside the term belongs to it.
            while start > 0 {
                let c = s[start - 1]
                if AbbreviationReader.isIdeographic(c) { start -= 1; continue }
                if c == " " || (c.isASCII && c.properties.isAlphabetic) {
                    var m = start - 1
                    while m > 0, s[m - 1] == " " || (s[m - 1].isASCII && s[m - 1].properties.isAlphabetic) { m -= 1 }
                    let letters = s[m..<start].filter { $0 != " " }.count
                    if letters == 1, m > 0, AbbreviationReader.isIdeographic(s[m - 1]) { start = m; continue }
                }
                break
            }
            // `嵌合抗原受体（CAR）T细胞（CAR-T）`: a term that holds a definition of its own
            // reaches back across it; `细胞` alone would expand CAR-T to every cell.
            if let earlier = nestedDefinitionStart(s, before: start) { start = earlier }
            let term = s.trimmed(start..<k)
            // Cut after the last word that ends the clause, where enough of a term is left.
            // The fold keeps scalar for scalar: an offset in it holds in the term too.
            var best = 0
            let folded = s[term].map { RuleFold.fold($0) }
            for word in leadScalars {
                if let at = folded.lastIndex(of: word, in: 0..<folded.count) {
                    let offset = at + word.count
                    if folded.count - offset >= 2 { best = max(best, offset) }
                }
            }
            let run = s.string(s.trimmed((term.lowerBound + best)..<term.upperBound))
            // A Chinese long form has at least a character for each capital of the short form;
            // fewer is a fragment of the term (`细胞` for CAR-T), not its expansion.
            let capitals = short.unicodeScalars.filter { ("A"..."Z").contains($0) }.count
            let characters = run.unicodeScalars.filter { $0 != " " }.count
            return characters >= max(2, capitals) ? run : nil
        }
        // `Cytokine Release Syndrome (CRS)`: Latin words whose initials spell the short form.
        return latinLongForm(s, before: k, short: short)
    }

    /// Where the Han term before `（CAR）` starts, when the term at `start` goes on from that
    /// definition through a Latin letter (`（CAR）T细胞`). Right after the bracket, with no
    /// letter between, the bracket ended the earlier term (`（DLBCL）非特指型（NOS）`).
    private func nestedDefinitionStart(_ s: [Unicode.Scalar], before start: Int) -> Int? {
        var m = start
        while m > 0, start - m < 3, s[m - 1].isASCII, s[m - 1].properties.isAlphabetic || s[m - 1] == " " { m -= 1 }
        guard m < start, s[m..<start].contains(where: { $0 != " " }) else { return nil }
        guard m > 0, s[m - 1] == "）" || s[m - 1] == ")" else { return nil }
        var open = m - 1
        while open > 0, m - open <= 16, s[open - 1] != "（" && s[open - 1] != "(" { open -= 1 }
        guard open > 1, s[open - 1] == "（" || s[open - 1] == "(" else { return nil }
        let inner = String(String.UnicodeScalarView(s[open..<(m - 1)])).trimmingSpaces()
        guard AbbreviationReader.isShortForm(inner) else { return nil }
        var begin = open - 1
        while begin > 0, AbbreviationReader.isIdeographic(s[begin - 1]) { begin -= 1 }
        return begin < open - 1 ? begin : nil
    }

    private func latinLongForm(_ s: [Unicode.Scalar], before k: Int, short: String) -> String? {
        let letters = short.unicodeScalars.filter { ("A"..."Z").contains($0) }
        let words = String(String.UnicodeScalarView(s[max(0, k - 120)..<k]))
            .split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard words.count >= letters.count, letters.count >= 2 else { return nil }
        let candidate = Array(words.suffix(letters.count))
        let initials = candidate.compactMap { $0.firstScalar.map { Character($0).uppercased() } }.joined()
        guard initials == String(String.UnicodeScalarView(letters)) else { return nil }
        return candidate.joined(separator: " ")
    }
}
