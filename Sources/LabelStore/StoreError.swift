/// Why the index could not be opened or written, in words a user can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The file is not an SQLite database, or is damaged.
    case notADatabase(path: String)
    /// An SQLite database, but not one this tool made.
    case foreign(path: String)
    /// Made by a newer version of this tool.
    case newerSchema(path: String, version: Int)
    /// Made by an older version of this tool, and opened read-only, so not upgraded.
    case olderSchema(path: String, version: Int)
    /// No index at the path, and opened read-only, so not created.
    case missing(path: String)
    case emptyQuery

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is not a druglabel index (not an SQLite database, or damaged); remove it or pass --rebuild"
        case .foreign(let path):
            return "\(path) is an SQLite database that druglabel did not make; pass another --db, or --rebuild to replace it"
        case .newerSchema(let path, let version):
            return "\(path) was made by a newer druglabel (index schema \(version)); use that version or --rebuild"
        case .olderSchema(let path, let version):
            return "\(path) has index schema \(version), older than this druglabel's \(LabelStore.schemaVersion); run `druglabel index` on it once to upgrade it"
        case .missing(let path):
            return "\(path): no index here; run `druglabel index PATH…` first (or pass --db)"
        case .emptyQuery:
            return "the query has no letters, digits or ideographs to search for"
        }
    }
}
