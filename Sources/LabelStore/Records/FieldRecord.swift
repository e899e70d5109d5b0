import GRDB

/// A row of `fields`: one field of an application or slides, its name folded for the query.
struct FieldRecord: Sendable, Hashable, DocumentRow {
    var id: Int64?
    var documentID: Int64 = 0
    var name: String
    /// `name` folded: what `fields(name:…)` compares.
    var nameKey: String
    var value: String
    var startLine: Int
    var endLine: Int
}

extension FieldRecord: FetchableRecord, PersistableRecord, ColumnRecord {
    static let databaseTableName = "fields"

    init(row: Row) {
        id = row["id"]
        documentID = row["document_id"]
        name = row["name"]
        nameKey = row["name_key"]
        value = row["value"]
        startLine = row["start_line"]
        endLine = row["end_line"]
    }

    static let columns = ["id", "document_id", "name", "name_key", "value", "start_line", "end_line"]
    static let insertSQL = insertStatement()

    var values: [(any DatabaseValueConvertible)?] { [id, documentID, name, nameKey, value, startLine, endLine] }
}
