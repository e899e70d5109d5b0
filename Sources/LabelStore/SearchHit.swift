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
    /// BM25 (smaller is better, as SQLite gives it).
    public var score: Double
    /// When the section matched through an abbreviation's other form: `CRS → 细胞因子释放综合征`.
    public var expansion: String?
}
