import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The index an `index` run writes to. An existing index is brought up to date in place (its
/// readers see each batch of documents appear whole). A new index, or one `--rebuild` makes
/// again, is built aside in `PATH.building-PID` and only then put in place by `publish()`, so
/// a reader never opens a file that is half made:
/// - where there was no index (no file, or an empty one), the finished file is renamed onto
///   the path: a reader sees "no index yet", then the whole index;
/// - over a working index, the finished one is copied into it by SQLite's backup, inside one
///   write transaction: its readers (a server included) see the old index, then the new one,
///   through the same file, whose write-ahead log and shared memory stay its own (a rename
///   there would leave them to the new file, where they would be applied to the wrong pages);
/// - over a damaged or foreign file (which no reader can be using), by rename.
public final class IndexBuild: @unchecked Sendable {
    /// What to write to: the index itself, or the file being built aside.
    public let store: LabelStore
    /// The index's path.
    public let path: String
    private let aside: String?
    /// The secondary indexes of a file built aside, dropped while its rows are written and made
    /// again, each in one sorted pass, by `publish()`: their CREATE statements, in schema order.
    private let deferredIndexes: [String]
    /// How many segments of one level FTS5 lets an index built aside gather before it merges them.
    static let buildCrisisMerge = 256
    /// The memory FTS5 gathers an index built aside's new tokens in before it writes them out
    /// as a segment (its default is 1 MB). A commit writes out what it has gathered in any
    /// case, so this is room for one commit's tokens (`isAside` commits are large): at 1 MB a
    /// commit of 2 MB of labels was cut into several segments, each merged again later.
    static let buildHashSize = 32 << 20

    /// True when the index is built aside: nobody reads it until `publish()`, so its writes
    /// need not appear in small steps.
    public var isAside: Bool { aside != nil }

    public init(path: String, rebuild: Bool) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        IndexBuild.removeAbandoned(for: path)
        let exists = FileIdentity.size(of: path) ?? 0 > 0
        if exists && !rebuild {
            store = try LabelStore(path: path)
            aside = nil
            deferredIndexes = []
            return
        }
        if FileManager.default.fileExists(atPath: path), FileIdentity.size(of: path) == nil {
            throw StoreError.failed(path: path, reason: "not a regular file; pass another --db")
        }
        let aside = "\(path).building-\(getpid())"
        IndexBuild.remove(aside)
        self.aside = aside
        store = try LabelStore(path: aside)
        // Nobody searches the file built aside, and `publish()` merges its full-text segments
        // into one: merging them meanwhile, batch after batch, only rewrote the same postings
        // several times over (FTS5 merges 4 segments of a level, and any 16 at once). Not never,
        // though: FTS5 holds at most 2,000 segments and takes no crisismerge above 1,999, so a
        // build of some thousands of commits failed with "database or disk is full". At 256 a
        // level is merged now and then, and every level together stays far below the limit.
        // Nobody reads it either, so its secondary indexes wait: kept up row by row, those on
        // keys in no order (section keys, units, terms) cost a B-tree search per row; made at
        // the end, each is one sort. The automatic indexes of UNIQUE columns (no SQL) stay: the
        // write looks documents up by path.
        deferredIndexes = try store.pool.write { db in
            try db.execute(sql: "INSERT INTO section_index (section_index, rank) VALUES ('automerge', 0)")
            try db.execute(sql: "INSERT INTO section_index (section_index, rank) VALUES ('crisismerge', \(IndexBuild.buildCrisisMerge))")
            try db.execute(sql: "INSERT INTO section_index (section_index, rank) VALUES ('hashsize', \(IndexBuild.buildHashSize))")
            let indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid")
            for index in indexes {
                try db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)")
            }
            return indexes.map { $0["sql"] }
        }
    }

    /// Puts the built index in place (nothing to do for one updated in place) and returns the
    /// store at the index's own path.
    public func publish() throws -> LabelStore {
        guard let aside else { return store }
        // Nobody reads the file built aside, so it can be packed: the full-text segments of
        // every batch merged into one (their terms once), and the pages freed by replaced
        // rows given back (together 19 % of labels-dev's index). VACUUM INTO writes the packed
        // copy beside it: a plain VACUUM would build it in memory (temp_store is MEMORY), a
        // gigabyte for a large index.
        let packed = aside + ".packed"
        IndexBuild.remove(packed)
        try store.pool.write { db in
            for sql in deferredIndexes { try db.execute(sql: sql) }
        }
        try store.pool.writeWithoutTransaction { db in
            // FTS5's defaults again, for the runs that will update the index in place.
            try db.execute(sql: "INSERT INTO section_index (section_index, rank) VALUES ('automerge', 4)")
            try db.execute(sql: "INSERT INTO section_index (section_index, rank) VALUES ('crisismerge', 16)")
            try db.execute(sql: "INSERT INTO section_index (section_index, rank) VALUES ('hashsize', \(1 << 20))")
            try db.execute(sql: "INSERT INTO section_index (section_index) VALUES ('optimize')")
            try db.execute(sql: "VACUUM INTO ?", arguments: [packed])
        }
        try store.pool.close()
        IndexBuild.remove(aside)
        guard rename(packed, aside) == 0 else {
            throw StoreError.failed(path: path, reason: "cannot pack the new index: \(String(cString: strerror(errno)))")
        }
        if !(try copyIntoLiveIndex(from: aside)) {
            // Whatever write-ahead log or shared memory is left belongs to the file being
            // replaced: the new one must not inherit them.
            IndexBuild.remove(path, suffixes: ["-wal", "-shm"])
            guard rename(aside, path) == 0 else {
                throw StoreError.failed(path: path, reason: "cannot move the new index into place: \(String(cString: strerror(errno)))")
            }
        }
        IndexBuild.remove(aside)
        return try LabelStore(path: path)
    }

    /// Gives up the file built aside (a failed run): the index at the path is left as it was.
    public func abandon() {
        guard let aside else { return }
        try? store.pool.close()
        IndexBuild.remove(aside)
    }

    /// Copies the new index into a working one at the path, in one write transaction. False
    /// when there is no working index of ours there (then it is replaced by rename).
    private func copyIntoLiveIndex(from aside: String) throws -> Bool {
        guard FileIdentity.size(of: path) ?? 0 > 0, (try? LabelStore.checkHeader(path)) != nil else { return false }
        let destination: DatabasePool
        do {
            destination = try DatabasePool(path: path, configuration: LabelStore.configuration(readOnly: false))
            let ours = try destination.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") == LabelStore.applicationID }
            guard ours else { try? destination.close(); return false }
        } catch {
            return false
        }
        defer { try? destination.close() }
        do {
            let source = try DatabaseQueue(path: aside, configuration: LabelStore.configuration(readOnly: false))
            defer { try? source.close() }
            try source.backup(to: destination)
            try destination.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            return true
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_READONLY].contains(error.resultCode) {
            // A damaged old index (or one of another page size): nobody can be reading it.
            return false
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// The build of a live `index` run for this path, if one is going on.
    static func inProgress(for path: String) -> String? {
        builds(for: path).first { $0.alive }?.path
    }

    /// Files left by runs that died (killed, crashed) while building aside or packing.
    static func removeAbandoned(for path: String) {
        for build in builds(for: path) where !build.alive { remove(build.path) }
    }

    private static func builds(for path: String) -> [(path: String, alive: Bool)] {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".building-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return names.compactMap { name in
            // `PATH.building-PID`, and its packed copy `PATH.building-PID.packed`.
            let rest = name.dropFirst(prefix.count)
            guard name.hasPrefix(prefix), rest == rest.prefix(while: \.isNumber) || rest.hasSuffix(".packed"),
                  let pid = Int32(rest.prefix(while: \.isNumber)) else { return nil }
            let alive = pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
            return (directory.isEmpty ? name : directory + "/" + name, alive)
        }
    }

    private static func remove(_ file: String, suffixes: [String] = ["", "-wal", "-shm"]) {
        for suffix in suffixes { unlink(file + suffix) }
    }
}
