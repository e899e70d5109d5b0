import Foundation
import GRDB

/// A row of `sources`: a document's bytes as they were indexed, so that the index answers
/// without the file (`StoredSource` says how they are packed).
struct SourceRecord: Sendable, Hashable, DocumentRow {
    var documentID: Int64 = 0
    /// `zlib` (deflated) or `raw`.
    var codec: String
    /// The source's own length in bytes.
    var size: Int
    var data: Data
}

extension SourceRecord: FetchableRecord, PersistableRecord, ColumnRecord {
    static let databaseTableName = "sources"

    init(row: Row) {
        documentID = row["document_id"]
        codec = row["codec"]
        size = row["size"]
        data = row["data"]
    }

    static let columns = ["document_id", "codec", "size", "data"]
    static let insertSQL = insertStatement()

    var values: [(any DatabaseValueConvertible)?] { [documentID, codec, size, data] }
}
