import DrugLabel
import Foundation
import GRDB
import LabelStore

/// The reference `bench search` measures the index against: a plain FTS5 trigram index (no
/// parsing, no folding) of the same text, its build time and size.
public struct TrigramReference: Sendable {
    public var seconds: Double
    public var bytes: Int
    public let db: DatabaseQueue

    /// A reference index an earlier run built.
    public static func open(at path: String) throws -> TrigramReference {
        TrigramReference(seconds: 0, bytes: 0, db: try DatabaseQueue(path: path))
    }

    /// The same sections as the index's, read back from it and then written in one transaction
    /// (the time includes reading them back): what the query sets are compared with.
    public static func build(sectionsOf store: LabelStore, at path: String) throws -> TrigramReference {
        try build(at: path) { try store.storedSectionTexts() }
    }

    /// The files' text, each read and decoded as `index` reads it, written in one transaction:
    /// what `index` (which parses, too) is measured against.
    public static func build(files: [String], at path: String) throws -> TrigramReference {
        try build(at: path) { try files.map { try TextDecoder().decode(LabelFile.read($0)).text } }
    }

    private static func build(at path: String, texts: () throws -> [String]) throws -> TrigramReference {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let queue = try DatabaseQueue(path: path)
        let start = Date()
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE ref USING fts5(text, tokenize = 'trigram')")
        }
        let texts = try texts()
        try queue.write { db in
            for t in texts { try db.execute(sql: "INSERT INTO ref (text) VALUES (?)", arguments: [t]) }
        }
        let seconds = Date().timeIntervalSince(start)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return TrigramReference(seconds: seconds, bytes: bytes, db: queue)
    }

    /// Rows that hold a query as a phrase, and the query's latency.
    public func query(_ query: String) throws -> (hits: Int, seconds: Double) {
        let start = Date()
        let phrase = "\"" + query.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let n = try db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ref WHERE ref MATCH ?", arguments: [phrase]) ?? 0 }
        return (n, Date().timeIntervalSince(start))
    }
}
