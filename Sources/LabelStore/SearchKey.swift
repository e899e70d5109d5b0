import DrugLabel

/// The form text is indexed and searched in: folded (NFKC, case, Traditional→Simplified) and
/// cut down to letters, digits and ideographs, then written as the overlapping pairs of its
/// characters (`托珠单抗` → `托珠 珠单 单抗`).
///
/// Pairs over the whole folded text, across Han/Latin boundaries and punctuation, make every
/// substring of a text of two characters or more a run of adjacent tokens in the index, so a
/// phrase query of the query's own pairs finds it, whatever a word segmenter would have made of
/// it. A one-character query is a prefix query (`热*`); a final marker pair makes the last
/// character of a text a prefix too.
public enum SearchKey {
    /// Put between the paragraphs of a section: no phrase runs across it, so a query never
    /// matches the end of one paragraph joined to the start of the next.
    static let paragraphBreak = "xxbreak"

    /// Ends every indexed text, so its last character also starts a pair.
    static let end: Unicode.Scalar = "\u{2C65}"

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

    static func pairs(of chars: [Unicode.Scalar]) -> String {
        guard chars.count >= 2 else { return "" }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(chars.count * 3)
        for i in 0..<(chars.count - 1) {
            if i > 0 { out.append(" ") }
            out.append(chars[i])
            out.append(chars[i + 1])
        }
        return String(out)
    }

    /// The FTS5 match expression of a query of one term: a phrase of its pairs, or a prefix.
    /// Nil when the query has nothing searchable in it.
    public static func match(_ query: String, folder: Folder) -> String? {
        let chars = characters(query, folder: folder)
        if chars.isEmpty { return nil }
        if chars.count == 1 { return "\"\(String(chars[0]))\"*" }
        return "\"" + pairs(of: chars) + "\""
    }

    /// Tokens that put a paragraph's section and document kind into the full-text index, so that
    /// a filter is part of the MATCH rather than a join over every match. Longer than a pair and
    /// made of ASCII letters only, they never collide with one.
    public static func filterTokens(section: String?, kind: String) -> String {
        "xxsec\(letters(section ?? "none")) xxkind\(letters(kind))"
    }

    public static func sectionToken(_ key: String) -> String { "xxsec\(letters(key))" }
    public static func kindToken(_ kind: String) -> String { "xxkind\(letters(kind))" }

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

    /// The indexed column of one section: its filter tokens, then each paragraph's pairs, with a
    /// break token between paragraphs. Adding and removing a document both go through here, so
    /// their tokens agree.
    public static func indexed(folded: [[Unicode.Scalar]], section: String?, kind: String) -> String {
        let pairs = folded.map { SearchKey.pairs(of: $0 + [end]) }.filter { !$0.isEmpty }
        return ([filterTokens(section: section, kind: kind)] + pairs).joined(separator: " \(paragraphBreak) ")
    }

    public static func indexed(paragraphs: [String], section: String?, kind: String, folder: Folder) -> String {
        indexed(folded: foldedParagraphs(paragraphs, folder: folder), section: section, kind: kind)
    }
}
