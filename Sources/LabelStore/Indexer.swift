import Crypto
import DrugLabel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Brings the index up to date with files and folders: new and changed files are parsed on all
/// cores and written a few documents per transaction, each document whole; unchanged ones (same
/// content hash) are skipped; files gone from an indexed folder are dropped. A file that fails
/// is reported and skipped.
public struct Indexer: Sendable {
    public struct Summary: Sendable, Equatable {
        public var added = 0
        public var replaced = 0
        public var unchanged = 0
        public var removed = 0
        public var failed: [String] = []
        /// `PATH: reason` of what was not read: FIFOs, devices, symlinks out of the folder.
        public var skipped: [String] = []
    }

    public enum Event: Sendable {
        case done(path: String, index: Int, total: Int)
        case failed(path: String, reason: String)
        /// Not a document to read (a FIFO, a symlink leading out of the folder): said, not failed.
        case skipped(path: String, reason: String)
    }

    public let store: LabelStore
    public let makeParser: @Sendable () throws -> LabelParser

    public init(store: LabelStore, makeParser: @escaping @Sendable () throws -> LabelParser) {
        self.store = store
        self.makeParser = makeParser
    }

    /// The files a path names: itself, or the text files below a folder, sorted
    /// (`FolderWalk`, which also says what it skipped).
    public static func files(under path: String) -> [String] {
        FolderWalk(path).files
    }

    public func run(_ paths: [String], onEvent: @escaping @Sendable (Event) -> Void) throws -> Summary {
        let walks = paths.map(FolderWalk.init)
        let files = walks.flatMap(\.files)
        let indexed = try store.indexedHashes()
        var summary = Summary()
        for s in walks.flatMap(\.skipped) {
            summary.skipped.append("\(s.path): \(s.reason)")
            onEvent(.skipped(path: s.path, reason: s.reason))
        }
        // Documents under an indexed folder whose file is gone.
        let folders = paths.filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && d.boolValue }
            .map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let current = Set(files)
        let gone = indexed.keys.filter { path in !current.contains(path) && folders.contains { path.hasPrefix($0) } }.sorted()
        if !gone.isEmpty {
            try store.remove(paths: gone)
            summary.removed = gone.count
        }
        let work = WorkQueue(files)
        let results = ResultBox()
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
        let makeParser = self.makeParser
        let store = self.store
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let parser: LabelParser
            let fold: TextFold
            let pinyin: Pinyin
            do {
                parser = try makeParser()
                fold = try TextFold.checked()
                pinyin = try Pinyin()
            } catch {
                while let (_, path) = work.next() { results.add(.failed, path: path, reason: "\(error)"); onEvent(.failed(path: path, reason: "\(error)")) }
                return
            }
            var batch = Batch()
            func flush() {
                guard !batch.documents.isEmpty else { return }
                do {
                    try store.write(batch: batch.documents.map(\.prepared))
                    for d in batch.documents { finished(d) }
                } catch {
                    // One document the batch could not take must not cost the others theirs:
                    // each is written again on its own.
                    for d in batch.documents {
                        do {
                            try store.write(d.prepared)
                            finished(d)
                        } catch {
                            results.add(.failed, path: d.path, reason: "\(error)")
                            onEvent(.failed(path: d.path, reason: "\(error)"))
                        }
                    }
                }
                batch = Batch()
            }
            func finished(_ d: Batch.Document) {
                results.add(indexed[d.path] == nil ? .added : .replaced, path: d.path)
                onEvent(.done(path: d.path, index: d.number, total: files.count))
            }
            while let (n, path) = work.next() {
                do {
                    // LabelFile checks the type again at reading (a file replaced by a FIFO since
                    // the walk is refused, not opened).
                    let bytes = try LabelFile.read(path)
                    let hash = Hex.string(SHA256.hash(data: bytes))
                    if indexed[path] == hash {
                        results.add(.unchanged, path: path)
                        onEvent(.done(path: path, index: n, total: files.count))
                    } else {
                        let (label, lines) = try parser.parseWithLines(bytes: bytes, path: path)
                        let prepared = try PreparedDocument(label: label, lines: lines, path: path, fold: fold, pinyin: pinyin,
                                                            source: bytes)
                        batch.add(.init(path: path, number: n, prepared: prepared), bytes: bytes.count)
                        if batch.isFull { flush() }
                    }
                } catch {
                    // A file that cannot be read any more leaves the index too.
                    if indexed[path] != nil, error is InputError { try? store.remove(paths: [path]) }
                    results.add(.failed, path: path, reason: "\(error)")
                    onEvent(.failed(path: path, reason: "\(error)"))
                }
            }
            flush()
        }
        try store.markIndexed()
        // Fold the write-ahead log into the file, so its size is the index's size.
        try store.checkpoint()
        let tally = results.tally()
        summary.added = tally.added
        summary.replaced = tally.replaced
        summary.unchanged = tally.unchanged
        summary.failed = tally.failed
        return summary
    }
}

/// Documents a worker has parsed and not yet written. Each commit of the index costs a
/// full-text segment and its merges, so documents go in sixteen at a time, or fewer when they
/// are large (a batch is held in memory).
private struct Batch {
    struct Document {
        var path: String
        var number: Int
        var prepared: PreparedDocument
    }
    var documents: [Document] = []
    var bytes = 0
    mutating func add(_ document: Document, bytes size: Int) {
        documents.append(document)
        bytes += size
    }
    var isFull: Bool { documents.count >= 16 || bytes >= 8 << 20 }
}

/// Files handed out one at a time to the workers.
private final class WorkQueue: @unchecked Sendable {
    private let files: [String]
    private var next_ = 0
    private let lock = NSLock()
    init(_ files: [String]) { self.files = files }
    func next() -> (Int, String)? {
        lock.lock(); defer { lock.unlock() }
        guard next_ < files.count else { return nil }
        next_ += 1
        return (next_, files[next_ - 1])
    }
}

/// What the workers did, gathered under a lock.
private final class ResultBox: @unchecked Sendable {
    enum Outcome { case added, replaced, unchanged, failed }
    private var counts: [Outcome: Int] = [:]
    private var failures: [String] = []
    private let lock = NSLock()
    func add(_ outcome: Outcome, path: String, reason: String = "") {
        lock.lock(); defer { lock.unlock() }
        counts[outcome, default: 0] += 1
        if outcome == .failed { failures.append("\(path): \(reason)") }
    }
    func tally() -> (added: Int, replaced: Int, unchanged: Int, failed: [String]) {
        lock.lock(); defer { lock.unlock() }
        return (counts[.added] ?? 0, counts[.replaced] ?? 0, counts[.unchanged] ?? 0, failures.sorted())
    }
}
