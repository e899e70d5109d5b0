import DrugLabel

/// The form text is indexed and searched in: folded (NFKC, case, Traditional→Simplified) and
/// cut down to letters, digits and ideographs. The index's tokenizer (`dlgrams`, in
/// GramTokenizer) makes one token per character: the trigram it starts (`托珠单抗` → `托珠单
/// 珠单抗 单抗⋄ 抗⋄`, where ⋄ marks the end of the paragraph).
///
/// Trigrams over the whole folded text, across Han/Latin boundaries and punctuation, make every
/// substring of three characters or more a run of adjacent tokens, so the phrase of the query's
/// own trigrams finds it, whatever a word segmenter would have made of it. A query of one or two
/// characters is a prefix query (`发热*` matches `发热期`, `发热⋄`…): every occurrence starts a
/// token, the end mark included.
public enum SearchKey {
    /// Letters, digits and ideographs of the folded text.
    public static func characters(_ text: String, folder: Folder) -> [Unicode.Scalar] {
        folder.fold(text).unicodeScalars.filter(isSearchable)
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
    /// characters, which the tokenizer turns into a phrase of grams, or a prefix for one
    /// character. Nil when the query has nothing searchable in it.
    public static func match(_ query: String, folder: Folder) -> String? {
        let chars = characters(query, folder: folder)
        if chars.isEmpty { return nil }
        // Letters, digits and ideographs only: no quote or operator can be among them.
        let text = "\"" + String(String.UnicodeScalarView(chars)) + "\""
        return chars.count <= 2 ? text + "*" : text
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

    private static func letters(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }))
    }

    /// The searchable characters of each paragraph of a section, folded in one call (joined by a
    /// private-use separator that folding leaves alone and that is not searchable).
    static func foldedParagraphs(_ paragraphs: [String], folder: Folder) -> [[Unicode.Scalar]] {
        let separator: Unicode.Scalar = "\u{E001}"
        let folded = folder.fold(paragraphs.joined(separator: String(separator)))
        let parts = folded.unicodeScalars.split(separator: separator, omittingEmptySubsequences: false)
        if parts.count == paragraphs.count { return parts.map { $0.filter(isSearchable) } }
        return paragraphs.map { characters($0, folder: folder) }
    }

    /// The indexed column of one section: its filter tokens, then each paragraph's searchable
    /// characters, a line each (grams never run from one line into the next). Adding and
    /// removing a document both go through here, from the same stored folded text, so their
    /// tokens agree.
    public static func indexed(folded: [[Unicode.Scalar]], section: String?, kind: String) -> String {
        var text = filterTokens(section: section, kind: kind)
        for paragraph in folded where !paragraph.isEmpty {
            text.append("\n")
            text.unicodeScalars.append(contentsOf: paragraph)
        }
        return text
    }

}
