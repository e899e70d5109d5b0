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

extension AbbreviationRecord: FetchableRecord, PersistableRecord, ColumnRecord {
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

    static let columns = ["id", "document_id", "short", "long", "short_key", "long_key", "start_line"]
    static let insertSQL = insertStatement()

    var values: [(any DatabaseValueConvertible)?] { [id, documentID, short, long, shortKey, longKey, startLine] }
}
