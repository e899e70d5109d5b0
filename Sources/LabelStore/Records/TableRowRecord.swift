import GRDB

/// A row of `table_rows`: one row of one of a document's tables, its cells as JSON
/// (`CellsJSON`).
struct TableRowRecord: Sendable, Hashable, DocumentRow {
    var id: Int64?
    var documentID: Int64 = 0
    var tableID: String
    var section: String?
    /// The row's group (`grp`: `group` is an SQL keyword).
    var group: String?
    var label: String
    var cells: String
    var startLine: Int
    var endLine: Int
}

extension TableRowRecord: FetchableRecord, PersistableRecord, ColumnRecord {
    static let databaseTableName = "table_rows"

    init(row: Row) {
        id = row["id"]
        documentID = row["document_id"]
        tableID = row["table_id"]
        section = row["section"]
        group = row["grp"]
        label = row["label"]
        cells = row["cells"]
        startLine = row["start_line"]
        endLine = row["end_line"]
    }

    static let columns = ["id", "document_id", "table_id", "section", "grp", "label", "cells", "start_line", "end_line"]
    static let insertSQL = insertStatement()

    var values: [(any DatabaseValueConvertible)?] { [id, documentID, tableID, section, group, label, cells, startLine, endLine] }
}
