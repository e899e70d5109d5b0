// Small string operations the pipeline shares, written on scalars: Foundation's versions go
// through NSString and showed in profiles.

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }

    /// Runs of spaces become one: `用法用量  (概述)` after a citation mark was dropped.
    func collapsingSpaces() -> String {
        var out = ""
        var lastSpace = false
        for c in self {
            if c == " " {
                if !lastSpace { out.append(c) }
                lastSpace = true
            } else {
                out.append(c)
                lastSpace = false
            }
        }
        return out
    }
}

extension String {
    /// `hasSuffix` on the bytes, for the same reason as `hasBytePrefix`.
    func hasByteSuffix(_ suffix: String) -> Bool {
        let a = utf8, b = suffix.utf8
        return a.count >= b.count && a.suffix(b.count).elementsEqual(b)
    }

    /// The last place `word` stands, compared byte for byte (Foundation's `range(of:)` goes
    /// through NSString and folds grapheme clusters).
    func lastByteRange(of word: String) -> Range<String.Index>? {
        let hay = Array(utf8), needle = Array(word.utf8)
        guard !needle.isEmpty, needle.count <= hay.count else { return nil }
        var i = hay.count - needle.count
        while i >= 0 {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) {
                let lower = utf8.index(utf8.startIndex, offsetBy: i)
                return lower..<utf8.index(lower, offsetBy: needle.count)
            }
            i -= 1
        }
        return nil
    }
}

extension StringProtocol {
    /// `hasPrefix` on the bytes: `String.hasPrefix` compares Characters, and grapheme breaking
    /// Han text costs more than the rule it serves. Both sides must be in the same form (folded
    /// text against folded words, or text as read against a literal).
    func hasBytePrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// Without spaces, tabs, U+3000 and NBSP at either end.
    func trimmingSpaces() -> String {
        LineRepairer.trimmed(Substring(self))
    }

    /// Without the given characters at either end.
    func trimming(_ set: String) -> String {
        let scalars = Substring(self).unicodeScalars
        let drop = Set(set.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !drop.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop.contains($0) })!
        return String(scalars[first...last])
    }
}
