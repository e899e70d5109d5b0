import GRDB

/// The index's connections, through which every read and write goes, so that an SQLite
/// failure reaches the user as a `StoreError` naming the file and the way out, never as SQLite's
/// own text quoting the statement: a page-damaged file fails only when a query reaches the page,
/// long after it was opened.
struct StorePool: Sendable {
    let path: String
    let base: DatabasePool

    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try mapped { try base.read(value) }
    }

    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try mapped { try base.write(updates) }
    }

    func writeWithoutTransaction<T>(_ updates: (Database) throws -> T) throws -> T {
        try mapped { try base.writeWithoutTransaction(updates) }
    }

    func close() throws { try mapped { try base.close() } }

    func mapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError { throw StoreError(error, path: path) }
    }
}

extension StoreError {
    /// SQLite's failure in the user's words: its message (no SQL, no arguments) and what to do.
    init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT:
            self = .damaged(path: path, reason: error.message ?? "database disk image is malformed")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .busy(path: path)
        case .SQLITE_FULL:
            self = .failed(path: path, reason: "the disk is full")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            self = .failed(path: path, reason: "\(error.message ?? "cannot be written"); check the file's and its folder's permissions")
        default:
            self = .failed(path: path, reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }
}
