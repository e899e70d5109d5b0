import GRDB

/// A record of one of a document's rows: made before the document has an id (in parallel,
/// outside the write transaction), given it when written.
protocol DocumentRow: ColumnRecord {
    var documentID: Int64 { get set }
}

extension DocumentRow {
    func insert(_ db: Database, document id: Int64) throws {
        var row = self
        row.documentID = id
        try row.insertRow(db)
    }
}
