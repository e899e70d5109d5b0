import GRDB

/// A row of `meta`: a fact about the index itself (`last_indexed`), written over the last.
struct MetaRecord: Sendable, Hashable {
    var key: String
    var value: String

    /// When an `index` run last finished, in seconds since 1970.
    static let lastIndexed = "last_indexed"
}

extension MetaRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "meta"

    init(row: Row) {
        key = row["key"]
        value = row["value"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["key"] = key
        container["value"] = value
    }
}
