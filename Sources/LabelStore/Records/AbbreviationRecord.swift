import GRDB

/// A row of `abbreviations`: a short form a document defines and its long form, each with
/// its searchable characters folded, so that search expands one into the other.
struct AbbreviationRecord: Sendable, Hashable, DocumentRow {
    var id: Int64?
    var documentID: Int64 = 0
    var short: String
    var long: String
    var shortKey: String
    var longKey: String
    var startLine: Int
}

extension AbbreviationRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "abbreviations"

    init(row: Row) {
        id = row["id"]
        documentID = row["document_id"]
        short = row["short"]
        long = row["long"]
        shortKey = row["short_key"]
        longKey = row["long_key"]
        startLine = row["start_line"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["document_id"] = documentID
        container["short"] = short
        container["long"] = long
        container["short_key"] = shortKey
        container["long_key"] = longKey
        container["start_line"] = startLine
    }
}
