/// Repairs the artifacts of one line while keeping the document's own punctuation and numbers:
/// radical code points become the ideographs they stand for, bullet glyphs become one mark,
/// icon-font code points are dropped, `<sup>n</sup>` citation marks go with their content,
/// and `$2.0 \times 10^6$` loses its LaTeX markup.
struct LineRepairer: Sendable {
    let rules: TextRules

    /// The repaired, trimmed text and whether the raw line began with white space.
    func repair(_ raw: Substring) -> (text: String, leadingSpace: Bool) {
        let leadingSpace = raw.unicodeScalars.first.map(LineRepairer.isSpace) ?? false
        if !needsRepair(raw) {
            return (LineRepairer.trimmed(raw), leadingSpace)
        }
        return (LineRepairer.trimmed(Substring(slowRepair(raw))), leadingSpace)
    }

    /// The fast path: most lines hold nothing to repair, and a byte scan tells.
    private func needsRepair(_ raw: Substring) -> Bool {
        var utf8 = raw.utf8.makeIterator()
        var first = true
        while let b = utf8.next() {
            switch b {
            case 0x24, 0x3C, 0xE2, 0xEE, 0xEF: return true // $ < U+2xxx U+Exxx U+Fxxx
            case 0x2A, 0x2D, 0x6F, 0xB7: if first { return true } // * - o ·
            case 0x20, 0x09: continue
            default: break
            }
            first = false
        }
        return false
    }

    private func slowRepair(_ raw: Substring) -> String {
        var source = Substring(dropSupMarks(String(raw)))
        if source.contains("$") { source = Substring(LaTeXMath.strip(String(source))) }
        let scalars = Array(source.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        let firstNonSpace = scalars.firstIndex { !LineRepairer.isSpace($0) } ?? scalars.count
        while i < scalars.count {
            let s = scalars[i]
            let v = s.value
            let atStart = i == firstNonSpace
            let spaceAfter = i + 1 >= scalars.count || LineRepairer.isSpace(scalars[i + 1])
            let spaceBefore = i == 0 || LineRepairer.isSpace(scalars[i - 1])
            if v == 0xFFFD {
                // U+FFFD between spaces is a lost bullet glyph; inside a word it is a lost character.
                if spaceBefore && spaceAfter { out.append(contentsOf: rules.bulletMark.unicodeScalars) } else { out.append(s) }
            } else if rules.bulletScalars.contains(v) {
                out.append(contentsOf: rules.bulletMark.unicodeScalars)
                if !spaceAfter { out.append(" ") }
            } else if rules.privateUse.contains(v) {
                // Icon-font glyph from a web page (download arrows, field markers): not text.
                if spaceAfter && i + 1 < scalars.count && spaceBefore { i += 1 }
            } else if atStart, rules.bulletLeaders.contains(Character(s)), isLeaderBullet(scalars, i) {
                out.append(contentsOf: rules.bulletMark.unicodeScalars)
            } else if (0x2E80...0x2FDF).contains(v), let ideograph = rules.radicals[v] {
                out.append(ideograph)
            } else {
                out.append(s)
            }
            i += 1
        }
        return String(out)
    }

    /// `* text`, `o 核对`, `- text`: a leader followed by a space and then a word, not a number
    /// (`- 12 -` is a page number, `- - 34 31` a table row).
    private func isLeaderBullet(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i + 2 < scalars.count, LineRepairer.isSpace(scalars[i + 1]) else { return false }
        var j = i + 1
        while j < scalars.count, LineRepairer.isSpace(scalars[j]) { j += 1 }
        guard j < scalars.count else { return false }
        let next = scalars[j]
        if next.properties.numericType != nil || next == "-" || next == "*" { return false }
        if scalars[i] == "o" { return DisplayWidth.isWide(next.value) }
        return true
    }

    /// `药品通用名称 <sup>2</sup>` is the field name with a citation mark: drop mark and content.
    private func dropSupMarks(_ text: String) -> String {
        guard text.contains("<sup>") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "<sup>") {
            guard let close = rest[open.upperBound...].firstRange(of: "</sup>") else { break }
            var before = rest[..<open.lowerBound]
            // The mark was attached with a space: `名称 <sup>2</sup>` leaves no trailing space.
            if rest[close.upperBound...].first.map({ $0 == " " || $0 == "\t" }) ?? true {
                while before.last == " " { before = before.dropLast() }
            }
            result += before
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{0C}" || s == "\r"
    }

    static func trimmed(_ s: Substring) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
