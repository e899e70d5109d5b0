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

extension SectionRecord: FetchableRecord, MutablePersistableRecord {
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

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["document_id"] = documentID
        container["ordinal"] = ordinal
        container["key"] = key
        container["heading"] = heading
        container["start_line"] = startLine
        container["end_line"] = endLine
        container["grams_crc"] = gramsCRC
    }

    /// The section's paragraphs and its full-text row are written under the id SQLite gave it.
    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
