import DrugLabel

/// The form text is indexed and searched in: folded (NFKC, case, Traditional→Simplified) and
/// cut down to letters, digits and ideographs. The index's tokenizer (`dlgrams`, in
/// GramTokenizer) makes one token per character: the pair it starts (`托珠单抗` → `托珠 珠单
/// 单抗 抗⋄`, where ⋄ marks the end of the paragraph).
///
/// Pairs over the whole folded text, across Han/Latin boundaries and punctuation, make every
/// substring of two characters or more a run of adjacent tokens, so the phrase of the query's
/// own pairs finds it, whatever a word segmenter would have made of it. A query of one
/// character is a prefix query (`热*` matches `热⋄` and every pair it starts).
public enum SearchKey {
    /// Letters, digits and ideographs of the folded text.
    public static func characters(_ text: String, fold: TextFold) -> [Unicode.Scalar] {
        fold(text).unicodeScalars.filter(isSearchable)
    }

    static func isSearchable(_ s: Unicode.Scalar) -> Bool {
        // The common cases first: Unicode property lookups cost more than the rest of the loop.
        let v = s.value
        if v < 0x80 { return (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) }
        if (0x4E00...0x9FFF).contains(v) { return true }
        if (0xFF00...0xFF0F).contains(v) || (0x2000...0x206F).contains(v) { return false }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.isIdeographic
    }

    /// The FTS5 match expression of a query of one term: the string of its searchable
    /// characters, which the tokenizer turns into a phrase of pairs, or a prefix for one
    /// character. Nil when the query has nothing searchable in it.
    public static func match(_ query: String, fold: TextFold) -> String? {
        let chars = characters(query, fold: fold)
        if chars.isEmpty { return nil }
        // Letters, digits and ideographs only: no quote or operator can be among them.
        let text = "\"" + String(String.UnicodeScalarView(chars)) + "\""
        return chars.count <= 1 ? text + "*" : text
    }

    /// Tokens that put a section's catalogue key and document kind into the full-text index, so
    /// that a filter is part of the MATCH rather than a join over every match. They stand on a
    /// line of their own that starts with 0x01, which the tokenizer takes word by word; no
    /// folded text has that byte, so they never collide with text.
    static let keywordMark = "\u{1}"

    public static func filterTokens(section: String?, kind: String) -> String {
        keywordMark + "xxsec\(letters(section ?? "none")) xxkind\(letters(kind))"
    }

    public static func sectionToken(_ key: String) -> String { "\"\(keywordMark)xxsec\(letters(key))\"" }
    public static func kindToken(_ kind: String) -> String { "\"\(keywordMark)xxkind\(letters(kind))\"" }

    /// Asked twice for every section an index run writes, of keys and kinds that are ASCII:
    /// those are read byte by byte, as `lowercased()` (Unicode's full case mapping) cost 1% of
    /// the run. Other text takes the full mapping, where a letter outside ASCII may lower to one
    /// inside it (the Kelvin sign to `k`).
    private static func letters(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(s.utf8.count)
            for b in s.utf8 {
                if b >= 0x61 && b <= 0x7A { bytes.append(b) } else if b >= 0x41 && b <= 0x5A { bytes.append(b + 0x20) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }))
    }

    /// The searchable characters of each paragraph of a section, folded in one call (joined by a
    /// private-use separator that folding leaves alone and that is not searchable), as strings:
    /// a search folds the sections of a page of hits, and strings made from scalar arrays cost
    /// more than the folding.
    static func foldedStrings(_ paragraphs: [String], fold: TextFold) -> [String] {
        let separator: Unicode.Scalar = "\u{E001}"
        let folded = fold(paragraphs.joined(separator: String(separator)))
        var result: [String] = []
        result.reserveCapacity(paragraphs.count)
        var bytes: [UInt8] = []
        for s in folded.unicodeScalars {
            if s == separator {
                result.append(String(decoding: bytes, as: UTF8.self))
                bytes.removeAll(keepingCapacity: true)
            } else if isSearchable(s) {
                UTF8.encode(s) { bytes.append($0) }
            }
        }
        result.append(String(decoding: bytes, as: UTF8.self))
        if result.count == paragraphs.count { return result }
        return paragraphs.map { String(String.UnicodeScalarView(characters($0, fold: fold))) }
    }

    /// `foldedParagraphs` as scalars, for the index's column.
    static func foldedParagraphs(_ paragraphs: [String], fold: TextFold) -> [[Unicode.Scalar]] {
        let separator: Unicode.Scalar = "\u{E001}"
        let folded = fold(paragraphs.joined(separator: String(separator)))
        let parts = folded.unicodeScalars.split(separator: separator, omittingEmptySubsequences: false)
        if parts.count == paragraphs.count { return parts.map { $0.filter(isSearchable) } }
        return paragraphs.map { characters($0, fold: fold) }
    }

    /// The indexed column of one section: its filter tokens, then each paragraph's searchable
    /// characters, a line each (grams never run from one line into the next). Adding and
    /// removing a document both go through here, from the same stored folded text, so their
    /// tokens agree.
    public static func indexed(paragraphs: [String], section: String?, kind: String, fold: TextFold) -> String {
        // Made for every section an index run writes: the folded text's searchable scalars go
        // straight into the column's UTF-8, with no array of scalars per paragraph between.
        let separator: Unicode.Scalar = "\u{E001}"
        let folded = fold(paragraphs.joined(separator: String(separator)))
        var bytes = Array(filterTokens(section: section, kind: kind).utf8)
        bytes.reserveCapacity(bytes.count + folded.utf8.count + paragraphs.count)
        var seen = 1
        var lineOpen = false
        for s in folded.unicodeScalars {
            if s == separator {
                seen += 1
                lineOpen = false
            } else if isSearchable(s) {
                if !lineOpen { bytes.append(0x0A); lineOpen = true }
                bytes.append(contentsOf: s.utf8)
            }
        }
        if seen == paragraphs.count { return String(decoding: bytes, as: UTF8.self) }
        return indexed(folded: paragraphs.map { characters($0, fold: fold) }, section: section, kind: kind)
    }

    /// `indexed(paragraphs:…)` from paragraphs already folded (`foldedParagraphs`).
    public static func indexed(folded: [[Unicode.Scalar]], section: String?, kind: String) -> String {
        var bytes = Array(filterTokens(section: section, kind: kind).utf8)
        for paragraph in folded where !paragraph.isEmpty {
            bytes.append(0x0A)
            for s in paragraph { bytes.append(contentsOf: s.utf8) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Short forms matched as written

    /// An abbreviation's short form that is all capitals: Latin capitals and digits, hyphens
    /// between (`MM`, `CRS`, `CAR-T`, `ICANS`, `ZUMA-1`). Found through an expansion, such a form
    /// must stand in the original text as written and as a whole token (`wholeToken`):
    /// folded, `MM` would be the `mm` of `mm3` and `mmol`, `OS` the `os` of `dose`. A short
    /// form with a small letter (`IgG`) and every long form are matched folded.
    public static func isCapitalShortForm(_ form: String) -> Bool {
        let scalars = Array(form.unicodeScalars)
        guard scalars.count >= 2, scalars.contains(where: { ("A"..."Z").contains($0) }) else { return false }
        return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Where `form` stands in `text` as written (no folding) as a whole token: the characters
    /// right before and after it are not Latin letters or digits (`（MM）`, ` MM `, `MM患者`, not
    /// `mm3`, `MMP`, `SUMM`), in unicode scalars of the text. Nil when it does not.
    static func wholeToken(_ form: String, in text: String) -> Range<Int>? {
        guard let at = wholeTokenOffset(form, in: text) else { return nil }
        let utf8 = text.utf8
        let start = text.unicodeScalars.distance(from: text.startIndex, to: utf8.index(utf8.startIndex, offsetBy: at))
        return start..<(start + form.unicodeScalars.count)
    }

    /// `wholeToken`'s byte offset in the text's UTF-8: searches ask this of many paragraphs,
    /// most of which hold the form only inside a longer token (`CR` in `CRS`).
    static func wholeTokenOffset(_ form: String, in text: String) -> Int? {
        var form = form, text = text
        return form.withUTF8 { needle in
            text.withUTF8 { hay -> Int? in
                var from = 0
                while let i = find(needle, in: hay, from: from) {
                    let end = i + needle.count
                    if !latinLetterOrDigit(before: i, in: hay) && !latinLetterOrDigit(at: end, in: hay) { return i }
                    from = i + 1
                }
                return nil
            }
        }
    }

    /// How many times `form` stands in `text` as a whole token (`wholeTokenOffset`).
    static func wholeTokenCount(_ form: String, in text: String) -> Int {
        var form = form, text = text
        return form.withUTF8 { needle in
            text.withUTF8 { hay -> Int in
                var from = 0, n = 0
                while let i = find(needle, in: hay, from: from) {
                    let end = i + needle.count
                    if !latinLetterOrDigit(before: i, in: hay) && !latinLetterOrDigit(at: end, in: hay) { n += 1 }
                    from = max(end, i + 1)
                }
                return n
            }
        }
    }

    /// How many times `needle` occurs in `haystack` without overlapping, byte for byte.
    static func occurrences(of needle: String, in haystack: String) -> Int {
        var haystack = haystack, needle = needle
        guard !needle.isEmpty else { return 0 }
        return needle.withUTF8 { n in
            haystack.withUTF8 { h -> Int in
                var from = 0, count = 0
                while let i = find(n, in: h, from: from) {
                    count += 1
                    from = i + n.count
                }
                return count
            }
        }
    }

    /// Whether `needle` occurs in `haystack` byte for byte (in UTF-8 a match of bytes is one of
    /// characters): what `instr` answers on the stored folded text.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return needle.withUTF8 { n in haystack.withUTF8 { h in find(n, in: h, from: 0) != nil } }
    }

    /// Linear (`KMP`): comparing at every start costs the product of the lengths on a
    /// paragraph of one repeated character.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        needle.isEmpty ? from : KMP.find(needle, in: hay, from: from)
    }

    /// Whether the scalar that ends right before byte `i` is a Latin letter or digit.
    private static func latinLetterOrDigit(before i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i > 0 else { return false }
        var k = i - 1
        while k > 0 && bytes[k] & 0xC0 == 0x80 { k -= 1 }
        return scalar(UnsafeBufferPointer(rebasing: bytes[k..<i])).map(isLatinLetterOrDigit) ?? false
    }

    /// Whether the scalar that starts at byte `i` is a Latin letter or digit.
    private static func latinLetterOrDigit(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i < bytes.count else { return false }
        var k = i + 1
        while k < bytes.count && bytes[k] & 0xC0 == 0x80 { k += 1 }
        return scalar(UnsafeBufferPointer(rebasing: bytes[i..<k])).map(isLatinLetterOrDigit) ?? false
    }

    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        if bytes.count == 1 { return Unicode.Scalar(bytes[0]) }
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return s }
        return nil
    }

    /// A Latin letter or a digit, in any width or accent, and superscript and subscript digits
    /// (`mm³`): what would make a short form part of a longer token.
    static func isLatinLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v) { return true }
        if v == 0xB2 || v == 0xB3 || v == 0xB9 || (0x2070...0x209F).contains(v) { return true }
        let latin = (0xC0...0x24F).contains(v) || (0x1E00...0x1EFF).contains(v)
        return latin && s.properties.isAlphabetic
    }
}
