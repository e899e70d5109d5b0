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
    var line: Int
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
        snippet = hit.snippet
        highlight = hit.highlight
        score = hit.score
        expansion = hit.expansion
    }
}
