import Foundation

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
        if let fast = String.compareBytes(utf8, suffix.utf8, atEnd: true) { return fast }
        let a = utf8, b = suffix.utf8
        return a.count >= b.count && a.suffix(b.count).elementsEqual(b)
    }

    /// Whether `b` opens (or ends) `a`, by memcmp on their contiguous UTF-8; nil where either
    /// has none (a bridged string). The generic `starts(with:)` and `elementsEqual` walk the
    /// views a byte at a time with index checks, and the rules ask this of every clause.
    @inline(__always)
    static func compareBytes<A: Collection<UInt8>>(_ a: A, _ b: String.UTF8View, atEnd: Bool) -> Bool? {
        let found = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y -> Bool in
                guard x.count >= y.count else { return false }
                guard let xb = x.baseAddress, let yb = y.baseAddress, !y.isEmpty else { return true }
                return memcmp(atEnd ? xb + (x.count - y.count) : xb, yb, y.count) == 0
            }
        }
        return found ?? nil
    }

    /// The first place `word` stands, compared byte for byte (memmem on the UTF-8).
    func firstByteRange(of word: String) -> Range<String.Index>? {
        var hay = self, needle = word
        guard let offset = hay.withUTF8({ h in needle.withUTF8 { n -> Int? in
            guard !n.isEmpty, n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
            return String.find(nb, n.count, in: hb, h.count)
        } }) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: word.utf8.count)
    }

    /// Whether `word` stands in the text, byte for byte.
    func containsBytes(_ word: String) -> Bool {
        var hay = self, needle = word
        return hay.withUTF8 { h in needle.withUTF8 { n in
            guard let hb = h.baseAddress else { return n.isEmpty }
            guard let nb = n.baseAddress, !n.isEmpty else { return true }
            return n.count <= h.count && String.find(nb, n.count, in: hb, h.count) != nil
        } }
    }

    /// The offset of the first `needle` in `hay`: memchr for its first byte, then memcmp
    /// (memmem is a GNU extension the Swift Glibc module does not export).
    static func find(_ needle: UnsafePointer<UInt8>, _ n: Int, in hay: UnsafePointer<UInt8>, _ h: Int) -> Int? {
        var i = 0
        while i + n <= h, let hit = memchr(hay + i, Int32(needle[0]), h - n + 1 - i) {
            let at = hay.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(hay + at, needle, n) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    /// The last place `word` stands, compared byte for byte (Foundation's `range(of:)` goes
    /// through NSString and folds grapheme clusters).
    func lastByteRange(of word: String) -> Range<String.Index>? {
        var hay = self, needle = word
        guard let offset = hay.withUTF8({ h in needle.withUTF8 { n -> Int? in
            guard !n.isEmpty, n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
            var i = h.count - n.count
            let first = n[0]
            while i >= 0 {
                if hb[i] == first && memcmp(hb + i, nb, n.count) == 0 { return i }
                i -= 1
            }
            return nil
        } }) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: word.utf8.count)
    }
}

extension StringProtocol {
    /// `hasPrefix` on the bytes: `String.hasPrefix` compares Characters, and grapheme breaking
    /// Han text costs more than the rule it serves. Both sides must be in the same form (folded
    /// text against folded words, or text as read against a literal).
    func hasBytePrefix(_ prefix: String) -> Bool {
        if let fast = String.compareBytes(utf8, prefix.utf8, atEnd: false) { return fast }
        return utf8.starts(with: prefix.utf8)
    }

    /// `unicodeScalars.first`, decoded from the UTF-8 in place: the generic collection's
    /// `first` checks its index at every step, and several stages ask it of every line (1% of
    /// a large label's parse).
    var firstScalar: Unicode.Scalar? {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.isEmpty ? nil : Unicode.Scalar.decoded($0, at: 0).scalar }) {
            return found
        }
        return unicodeScalars.first
    }

    /// `unicodeScalars.last`, as `firstScalar`.
    var lastScalar: Unicode.Scalar? {
        let found = utf8.withContiguousStorageIfAvailable { b -> Unicode.Scalar? in
            var i = b.count - 1
            // Back over continuation bytes to the lead byte of the last scalar.
            while i > 0, b[i] & 0xC0 == 0x80 { i -= 1 }
            return i >= 0 ? Unicode.Scalar.decoded(b, at: i).scalar : nil
        }
        if let found { return found }
        return unicodeScalars.last
    }

    /// Without spaces, tabs, U+3000 and NBSP at either end.
    func trimmingSpaces() -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !String.isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !String.isSpace($0) })!
        // Most text has nothing to trim: the same string, not a copy.
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return String(self) }
        return String(scalars[first...last])
    }

    /// The spaces a line is trimmed of: space, tab, U+3000, NBSP, form feed, CR.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{0C}" || s == "\r"
    }

    /// Without the given characters at either end.
    func trimming(_ set: String) -> String {
        let scalars = Substring(self).unicodeScalars
        // A few characters: scanning them costs less than a Set made for every call, which
        // was 1.5% of a small label's parse (every bracketed heading trims its neighbours).
        let drop = set.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop.contains($0) })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return String(self) }
        return String(scalars[first...last])
    }
}

extension String {
    /// `unicodeScalars.count`, counted on the UTF-8 bytes (one lead byte per scalar): the
    /// wrap joiner counts every line of every section, and the scalar view walks them slowly.
    ///
    /// Every paragraph counts its text: eight bytes at a time, the continuation bytes (10xxxxxx)
    /// found by their top two bits and the rest counted.
    var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable { b in
            guard let base = b.baseAddress else { return 0 }
            var continuations = 0
            var i = 0
            while i + 8 <= b.count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // Bit 7 of each byte of `w << 1` is bit 6 of the same byte.
                continuations += (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                i += 8
            }
            while i < b.count {
                if b[i] & 0xC0 == 0x80 { continuations += 1 }
                i += 1
            }
            return b.count - continuations
        } ?? unicodeScalars.count
    }
}

extension Collection {
    /// The texts of the elements joined by line feeds, as `map(text).joined(separator: "\n")`
    /// gives them, in a String reserved at its full size once: the standard join guesses two
    /// bytes an element and grows by copying, which made a section's text cost 3% of a 50 MB
    /// label's parse.
    func joinedLines(_ text: (Element) -> String) -> String {
        var total = Swift.max(0, count - 1)
        for element in self { total += text(element).utf8.count }
        var result = ""
        result.reserveCapacity(total)
        var first = true
        for element in self {
            if !first { result.append("\n") }
            first = false
            result.append(text(element))
        }
        return result
    }
}
