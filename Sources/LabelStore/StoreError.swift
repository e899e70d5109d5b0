/// Why the index could not be opened or written, in words a user can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The file is not an SQLite database at all.
    case notADatabase(path: String)
    /// An SQLite database whose pages SQLite found damaged (page-corrupted, truncated).
    case damaged(path: String, reason: String)
    /// An SQLite database, but not one this tool made.
    case foreign(path: String)
    /// Made by a newer version of this tool.
    case newerSchema(path: String, version: Int)
    /// Made by an older version of this tool, and opened read-only, so not upgraded.
    case olderSchema(path: String, version: Int)
    /// No index at the path (missing or an empty file), and opened read-only, so not created.
    case missing(path: String)
    /// No index at the path yet: `druglabel index` is building it aside (`building`).
    case building(path: String, building: String)
    /// Another process held the index longer than the wait allows.
    case busy(path: String)
    /// Any other failure of SQLite on this file, in SQLite's words without the statement.
    case failed(path: String, reason: String)
    case emptyQuery

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is not a druglabel index (not an SQLite database); delete it or run `druglabel index --rebuild --db \(path) FOLDER…`"
        case .damaged(let path, let reason):
            return "\(path) is damaged (\(reason)); delete it or run `druglabel index --rebuild --db \(path) FOLDER…` to make it again"
        case .foreign(let path):
            return "\(path) is an SQLite database that druglabel did not make; pass another --db, or --rebuild to replace it"
        case .newerSchema(let path, let version):
            return "\(path) was made by a newer druglabel (index schema \(version)); use that version or --rebuild"
        case .olderSchema(let path, let version):
            return "\(path) has index schema \(version), older than this druglabel's \(LabelStore.schemaVersion); run `druglabel index` on it once to upgrade it"
        case .missing(let path):
            return "\(path): no index here; run `druglabel index PATH…` first (or pass --db)"
        case .building(let path, let building):
            return "\(path): no index here yet; `druglabel index` is building it (\(building)); try again when it has finished"
        case .busy(let path):
            return "\(path) is busy: another process has held it for more than 10 s; try again"
        case .failed(let path, let reason):
            return "\(path): the index could not be used (\(reason))"
        case .emptyQuery:
            return "the query has no letters, digits or ideographs to search for"
        }
    }
}
