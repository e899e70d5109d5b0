/// One section that matched a search, with where to look.
public struct SearchHit: Codable, Sendable, Hashable {
    public var path: String
    public var title: String?
    public var genericName: String?
    public var kind: String
    public var section: String?
    public var heading: String
    /// The first source line of the best-matching paragraph of the section.
    public var line: Int
    /// The paragraph around the match, the match between 【 and 】.
    public var snippet: String
    /// The same snippet in three parts, so a page can mark the match without looking for
    /// brackets the document itself may hold.
    public var highlight: Highlight
    /// BM25 (smaller is better, as SQLite gives it).
    public var score: Double
    /// When the section matched through an abbreviation's other form: `CRS → 细胞因子释放综合征`.
    public var expansion: String?
}

/// A snippet cut around its match: `before` and `after` carry the `…` of a cut paragraph.
public struct Highlight: Codable, Sendable, Hashable {
    public var before: String
    public var match: String
    public var after: String

    /// The snippet with the match between 【 and 】 (the plain-text form).
    public var marked: String { match.isEmpty ? before + after : before + "【" + match + "】" + after }
}
