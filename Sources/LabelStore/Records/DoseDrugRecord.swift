import GRDB

/// A row of `dose_drugs`: one distinct folded drug name of the doses, so that a drug query
/// tests containment on each name once. Written with every dose, ignored when already there.
struct DoseDrugRecord: Sendable, Hashable {
    var key: String
}

extension DoseDrugRecord: FetchableRecord, PersistableRecord, ColumnRecord {
    static let databaseTableName = "dose_drugs"

    init(row: Row) {
        key = row["key"]
    }

    static let columns = ["key"]
    static let insertSQL = insertStatement(orIgnore: true)

    var values: [(any DatabaseValueConvertible)?] { [key] }
}
