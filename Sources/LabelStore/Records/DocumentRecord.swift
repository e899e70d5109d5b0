import GRDB

/// A row of `documents`: one indexed document, the names the drug and holder filters fold, and
/// its metadata as JSON.
struct DocumentRecord: Sendable, Hashable {
    var id: Int64?
    var path: String
    /// The SHA-256 of the source bytes: an `index` run skips a file whose hash is unchanged.
    var sha256: String
    var kind: String
    var title: String?
    var genericName: String?
    var tradeName: String?
    var englishName: String?
    var holder: String?
    /// Pinyin of the generic name, tones and spaces removed (`ajilunsaizhusheye`).
    var pinyin: String?
    /// `Metadata` as JSON, sorted keys.
    var metadata: String
    /// The boxed warning's items, one a line.
    var boxedWarning: String?
}

extension DocumentRecord: FetchableRecord, MutablePersistableRecord, ColumnRecord {
    static let databaseTableName = "documents"

    init(row: Row) {
        id = row["id"]
        path = row["path"]
        sha256 = row["sha256"]
        kind = row["kind"]
        title = row["title"]
        genericName = row["generic_name"]
        tradeName = row["trade_name"]
        englishName = row["english_name"]
        holder = row["holder"]
        pinyin = row["pinyin"]
        metadata = row["metadata"]
        boxedWarning = row["boxed_warning"]
    }

    static let columns = ["id", "path", "sha256", "kind", "title", "generic_name", "trade_name", "english_name", "holder", "pinyin", "metadata", "boxed_warning"]
    static let insertSQL = insertStatement()

    var values: [(any DatabaseValueConvertible)?] { [id, path, sha256, kind, title, genericName, tradeName, englishName, holder, pinyin, metadata, boxedWarning] }

    /// The other tables' rows point to the document by the id SQLite gave it.
    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
