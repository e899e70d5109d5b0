import LabelStore

/// A section that matched a search, under its label's id, with the URL of that section.
struct SearchResult: Encodable, Sendable {
    var id: String
    var url: String
    var title: String?
    var genericName: String?
    var kind: String
    var section: String?
    var heading: String
    /// The line of the match; `paragraphLine` the first line of its paragraph (the page's anchor).
    var line: Int
    var paragraphLine: Int
    var occurrences: Int
    /// The paragraph around the match, the match between « and » (never 【】, which labels use).
    var snippet: String
    var highlight: Highlight
    var score: Double
    var expansion: String?

    init(_ hit: SearchHit, id: String) {
        self.id = id
        url = "/labels/" + LabelPaths.segment(id) + "/sections/" + LabelPaths.segment(hit.section ?? hit.heading)
        title = hit.title
        genericName = hit.genericName
        kind = hit.kind
        section = hit.section
        heading = hit.heading
        line = hit.line
        paragraphLine = hit.paragraphLine
        occurrences = hit.occurrences
        snippet = hit.snippet
        highlight = hit.highlight
        score = hit.score
        expansion = hit.expansion
    }
}
