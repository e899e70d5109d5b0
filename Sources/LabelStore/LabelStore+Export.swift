import DrugLabel
import Foundation
import GRDB

extension LabelStore {
    /// The version of an export line's shape (`schema_version`; docs/export.schema.json).
    public static let exportSchemaVersion = 1

    /// Every indexed document as one JSON object for other tools and bulk loading, by path
    /// (`ExportedDocument`). Each is read back from its stored source with `parser`, so that
    /// sections keep their paragraphs in document order and tables their rows and cells.
    /// Documents are parsed on all cores, a few at a time, and handed out in order.
    public func export(parser makeParser: @escaping @Sendable () throws -> LabelParser = { try LabelParser() },
                       each: (Data) throws -> Void) throws {
        let documents = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, path, sha256, kind, title, metadata FROM documents ORDER BY path")
                .map { (path: $0["path"] as String, sha256: $0["sha256"] as String, kind: $0["kind"] as String,
                        title: $0["title"] as String?, metadata: $0["metadata"] as String) }
        }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < documents.count {
            let chunk = Array(documents[start..<min(documents.count, start + workers * 4)])
            let lines = ExportChunk(count: chunk.count)
            let store = self
            DispatchQueue.concurrentPerform(iterations: min(workers, chunk.count)) { worker in
                let parser = Result { try makeParser() }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                var i = worker
                while i < chunk.count {
                    let d = chunk[i]
                    lines.set(i, Result {
                        let document = try store.storedDocument(path: d.path, parser: try parser.get())
                        let metadata = try JSONDecoder().decode(Metadata.self, from: Data(d.metadata.utf8))
                        let exported = ExportedDocument(path: d.path, sha256: d.sha256, kind: d.kind, title: d.title,
                                                        metadata: document?.label.metadata ?? metadata, document: document)
                        return try encoder.encode(exported)
                    })
                    i += workers
                }
            }
            for line in lines.results { try each(try line.get()) }
            start += chunk.count
        }
    }
}

/// The export lines of a few documents, made by several threads.
private final class ExportChunk: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [Result<Data, Error>]
    /// Every slot is set by a worker before the chunk is read; the placeholder never shows.
    init(count: Int) { lines = Array(repeating: .success(Data()), count: count) }
    func set(_ i: Int, _ line: Result<Data, Error>) { lock.withLock { lines[i] = line } }
    var results: [Result<Data, Error>] { lock.withLock { lines } }
}
