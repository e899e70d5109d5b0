import LabelStore

/// A label in a listing: what the index knows of it without parsing it again.
struct LabelSummaryResult: Encodable, Sendable {
    var id: String
    var url: String
    var kind: String
    var title: String?
    var genericName: String?
    var tradeName: String?
    var englishName: String?
    var holder: String?

    init(_ entry: LabelCatalog.Entry) {
        id = entry.id
        url = "/labels/" + LabelPaths.segment(entry.id)
        kind = entry.summary.kind
        title = entry.summary.title
        genericName = entry.summary.genericName
        tradeName = entry.summary.tradeName
        englishName = entry.summary.englishName
        holder = entry.summary.holder
    }
}
