/// One section that matched a search, with where to look.
public struct SearchHit: Codable, Sendable, Hashable {
    public var path: String
    public var title: String?
    public var genericName: String?
    /// The document's kind (`label`, `application`, `slides`, `article`, `unknown`).
    public var kind: String
    /// The catalogue key; `boxed_warning` for the boxed warning; nil for a heading the catalogue
    /// lacks, an application's own field, or an article's text.
    public var section: String?
    public var heading: String
    /// The source line of the match shown (the first paragraph of the section that holds the
    /// query's first term), not of its paragraph's start.
    public var line: Int
    /// The first source line of that paragraph: the anchor a page links to.
    public var paragraphLine: Int
    /// How many times the query's terms (not the excluded ones) occur in the section, their
    /// abbreviation forms included.
    public var occurrences: Int
    /// The paragraph around the match, the match between « and » (`Highlight.marked`).
    public var snippet: String
    /// The same snippet in three parts, so a page or a terminal can mark the match its own way
    /// without looking for marks the document itself may hold.
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

    /// The marks of plain text: not 【】, which labels use for their headings (a snippet
    /// quoting `【不良反应】` would be read as a match).
    public static let open = "«", close = "»"

    /// The snippet with the match between « and » (the plain-text form).
    public var marked: String { marked(open: Highlight.open, close: Highlight.close) }

    /// The snippet with the match between the given marks (a terminal's color codes).
    public func marked(open: String, close: String) -> String {
        match.isEmpty ? before + after : before + open + match + close + after
    }
}
