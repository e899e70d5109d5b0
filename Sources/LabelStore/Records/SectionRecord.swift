import GRDB

/// A row of `sections`: one searchable part of a document (a label section, the boxed warning,
/// an application's field, an article's body). Its id is its row in `section_index`.
struct SectionRecord: Sendable, Hashable {
    var id: Int64?
    var documentID: Int64 = 0
    /// Its place in the document, from 0.
    var ordinal: Int
    /// The catalogue's key; nil for a field or an article's body.
    var key: String?
    var heading: String
    var startLine: Int
    var endLine: Int
    /// The CRC-32 of the tokens given to `section_index`: removing the section must give the
    /// same tokens again, and this tells when folding has changed since.
    var gramsCRC: Int64?
}

extension SectionRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord {
    static let databaseTableName = "sections"

    init(row: Row) {
        id = row["id"]
        documentID = row["document_id"]
        ordinal = row["ordinal"]
        key = row["key"]
        heading = row["heading"]
        startLine = row["start_line"]
        endLine = row["end_line"]
        gramsCRC = row["grams_crc"]
    }

    static let columns = ["id", "document_id", "ordinal", "key", "heading", "start_line", "end_line", "grams_crc"]
    static let insertSQL = insertStatement()

    var values: [(any DatabaseValueConvertible)?] { [id, documentID, ordinal, key, heading, startLine, endLine, gramsCRC] }

    /// The section's paragraphs and its full-text row are written under the id SQLite gave it.
    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
