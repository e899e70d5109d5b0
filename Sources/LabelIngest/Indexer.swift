import DrugLabel
import Foundation
import LabelStore

/// Brings the index up to date with files and folders: new and changed files are parsed on all
/// cores and committed by one writer thread (`BatchWriter`), a batch of documents per
/// transaction (`IndexBatch`), each document whole; unchanged ones (same content hash) are
/// skipped; files gone from an indexed folder are dropped. A file that fails is reported and
/// skipped.
public struct Indexer: Sendable {
    public let store: LabelStore
    public let makeParser: @Sendable () throws -> LabelParser
    /// How large a batch grows before it is committed.
    let batchLimit: IndexBatch.Limit

    /// `builtAside`: true when nobody reads the store until the run is over
    /// (`IndexBuild.isAside`); then its commits are large.
    public init(store: LabelStore, builtAside: Bool = false, makeParser: @escaping @Sendable () throws -> LabelParser) {
        self.init(store: store, batchLimit: builtAside ? .aside : .watched, makeParser: makeParser)
    }

    init(store: LabelStore, batchLimit: IndexBatch.Limit, makeParser: @escaping @Sendable () throws -> LabelParser) {
        self.store = store
        self.batchLimit = batchLimit
        self.makeParser = makeParser
    }

    /// Writes to what `build` writes to, in commits as large as its readers allow.
    public init(build: IndexBuild, makeParser: @escaping @Sendable () throws -> LabelParser) {
        self.init(store: build.store, builtAside: build.isAside, makeParser: makeParser)
    }

    /// The files a path names: itself, or the text files below a folder, sorted
    /// (`FolderWalk`, which also says what it skipped).
    public static func files(under path: String) -> [String] {
        FolderWalk(path).files
    }

    public func run(_ paths: [String], onEvent: @escaping @Sendable (Event) -> Void) throws -> Summary {
        let walks = paths.map(FolderWalk.init)
        // A file named twice (a folder given twice, or a file and its folder) is read once: the
        // second copy replaced the first, and a new index, built without its secondary indexes
        // (`IndexBuild`), looked through whole tables for the rows to replace.
        var named = Set<String>()
        let files = walks.flatMap(\.files).filter { named.insert($0).inserted }
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
        let run = IndexRun(store: store, indexed: indexed, total: files.count, tally: IndexTally(), writer: BatchWriter(),
                           batchLimit: batchLimit, onEvent: onEvent)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
        let makeParser = self.makeParser
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var worker: IndexWorker
            do {
                worker = try IndexWorker(run: run, parser: makeParser())
            } catch {
                while let (_, path) = work.next() { run.failed(path, error) }
                return
            }
            while let (n, path) = work.next() { worker.index(path, number: n) }
            worker.flush()
        }
        run.writer.finish()
        try store.markIndexed()
        // Fold the write-ahead log into the file, so its size is the index's size.
        try store.checkpoint()
        let tally = run.tally.tally()
        summary.added = tally.added
        summary.replaced = tally.replaced
        summary.unchanged = tally.unchanged
        summary.failed = tally.failed
        return summary
    }
}
