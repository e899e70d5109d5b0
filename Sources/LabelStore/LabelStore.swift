import DrugLabel
import Foundation
import GramTokenizer
import GRDB

/// The index of parsed documents: one SQLite file (WAL, so searches run while indexing) with
/// documents, sections, paragraphs, doses, table rows and fields, and a full-text index of the
/// paragraphs in `SearchKey` pairs.
public final class LabelStore: Sendable {
    public static let schemaVersion = 5
    /// `PRAGMA application_id`: marks the file as ours ("DLBL").
    static let applicationID: Int32 = 0x444C_424C

    public let path: String
    let pool: StorePool
    /// The file opened (device and inode): `isSuperseded` tells when another took its place.
    let identity: FileIdentity?
    /// Search rankings, for the next page of a query or the same query again (a search page,
    /// a client paging, many users asking for 发热): a few hundred first pages' worth of rows.
    let rankings = GenerationCache<Ranking.Key, Ranking>(budget: 200_000) { $0.rows.count }
    /// The documents a drug or holder filter keeps, found by folding every document's names.
    let filtered = GenerationCache<[String?], [Int64]>(budget: 1_000_000) { $0.count }
    /// Documents' stored sources decoded into lines, which paragraphs are read back from
    /// (`ParagraphReader`): 32 MB, some thousand labels.
    let sourceLines = GenerationCache<Int64, RawLines>(budget: 32 << 20) { $0.size }
    /// Sections of recent hits, read back and folded (`SectionText`): a search's page of hits
    /// spent most of its time there, and the same sections come back for popular queries and
    /// the next pages.
    let sectionTexts = GenerationCache<Int64, SectionText>(budget: 32 << 20) { $0.size }
    /// Parsers for `storedDocument(path:)`.
    let parsers = ParserPool()

    /// The default index, `./.druglabel/index.sqlite`, unless `DRUGLABEL_DB` names another.
    public static var defaultPath: String {
        ProcessInfo.processInfo.environment["DRUGLABEL_DB"] ?? ".druglabel/index.sqlite"
    }

    /// Opens (or creates) the index at `path`. Making an index anew is `IndexBuild`'s (aside,
    /// then swapped in), never a deletion here that readers would see. `readOnly` (the server, search, export, query) never writes: a missing or empty file is
    /// refused (no schema is written into it), and an index of an older schema is refused, not
    /// upgraded. `druglabel index` goes through `IndexBuild`, which makes a new index aside.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        let fm = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty && !readOnly { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let existed = FileIdentity.size(of: path) ?? 0 > 0
        if existed { try LabelStore.checkHeader(path) }
        if readOnly && !existed {
            if let building = IndexBuild.inProgress(for: path) { throw StoreError.building(path: path, building: building) }
            throw StoreError.missing(path: path)
        }
        let base: DatabasePool
        do {
            base = try DatabasePool(path: path, configuration: LabelStore.configuration(readOnly: readOnly))
        } catch let error as DatabaseError {
            throw error.resultCode == .SQLITE_NOTADB ? StoreError.notADatabase(path: path) : StoreError(error, path: path)
        }
        pool = StorePool(path: path, base: base)
        identity = FileIdentity(path: path)
        try pool.read { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if id == 0 && tables > 0 { throw StoreError.foreign(path: path) }
            if id != 0 && id != LabelStore.applicationID { throw StoreError.foreign(path: path) }
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version > LabelStore.schemaVersion { throw StoreError.newerSchema(path: path, version: version) }
        }
        // Only a new or older file is written to: opening an index to search it while another
        // process writes must not need the write lock.
        let current = try pool.read { db in try StoreSchema.migrator.hasCompletedMigrations(db) }
        if !current && readOnly {
            let version = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            throw StoreError.olderSchema(path: path, version: version)
        }
        if !current {
            // Schema, application id and version in one transaction: a reader that opens the
            // file in between sees either nothing of ours or all of it.
            try pool.mapped { try StoreSchema.migrator.migrate(base) }
            try pool.write { db in
                try db.execute(sql: "PRAGMA application_id = \(LabelStore.applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(LabelStore.schemaVersion)")
            }
        }
    }

    /// How every connection to an index is set up.
    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        // An index can always be rebuilt from its documents: in WAL mode, NORMAL keeps the file
        // consistent and skips an fsync per document, which cost more than parsing it.
        // Searches read the same posting lists and rows again and again: mapped into memory they
        // cost no read call each (a structured query's page went from 13 to 5 ms at 10,000
        // labels). Only readers map the file: the writer, whose file grows, took twice as long.
        configuration.prepareDatabase { db in
            let rc = dl_register_gram_tokenizer(UnsafeMutableRawPointer(db.sqliteConnection))
            guard rc == 0 else { throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: "cannot register the dlgrams tokenizer") }
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY")
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = 1073741824") }
        }
        // A second process may be writing (an index run while searching): wait for it.
        configuration.busyMode = .timeout(10)
        return configuration
    }

    /// SQLite's 16-byte header, read before SQLite sees the file: a damaged or foreign file is
    /// refused with a reason, not an SQL error. Read without blocking: a FIFO named like the
    /// index must not hang the command.
    static func checkHeader(_ path: String) throws {
        guard let head = FileIdentity.head(of: path, count: 16) else { throw StoreError.notADatabase(path: path) }
        guard head == Array("SQLite format 3\0".utf8) else { throw StoreError.notADatabase(path: path) }
    }

    /// Whether another file now stands at `path` than the one this store opened (an index
    /// rebuilt over a damaged or missing one is renamed into place): a long-lived reader (the
    /// server) then opens the path again to see it.
    public var isSuperseded: Bool { FileIdentity(path: path) != identity }

    /// Folds the write-ahead log into the database file.
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// When the index was last written: the newest modification time of its file and of its
    /// write-ahead log when that holds anything (a reader opening the index creates an empty one).
    /// Asked on every search, so by stat(2): FileManager's attributes also look up the owner's
    /// name, which cost more than the rest of a cached search.
    public func lastWritten() -> Date? {
        func modified(_ file: String, evenIfEmpty: Bool) -> Date? {
            var info = stat()
            guard stat(file, &info) == 0, evenIfEmpty || info.st_size > 0 else { return nil }
            return Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        }
        return [modified(path, evenIfEmpty: true), modified(path + "-wal", evenIfEmpty: false)].compactMap { $0 }.max()
    }

    /// How many documents, sections, paragraphs, doses and table rows the index holds.
    public func counts() throws -> [String: Int] {
        try pool.read { db in
            var result: [String: Int] = [:]
            for table in ["documents", "sections", "paragraphs", "doses", "table_rows", "reaction_arms", "fields", "abbreviations"] {
                result[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return result
        }
    }
}
