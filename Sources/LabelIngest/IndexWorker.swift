import DrugLabel
import LabelStore

/// One worker of an index run, on its own thread: it reads a file, skips it when the index
/// holds it with the same hash (`SourceFile` says when it is hashed), else parses it with its
/// own parser (a parser is not thread-safe), makes its records and hands them to the run's
/// writer a batch at a time.
struct IndexWorker {
    private let run: IndexRun
    private let parser: LabelParser
    private let fold: TextFold
    private let pinyin: Pinyin
    private var batch: IndexBatch

    init(run: IndexRun, parser: LabelParser) throws {
        self.run = run
        self.parser = parser
        batch = IndexBatch(limit: run.batchLimit)
        fold = try TextFold.checked()
        pinyin = try Pinyin()
    }

    mutating func index(_ path: String, number: Int) {
        do {
            var file = try SourceFile(path: path)
            if let indexed = run.indexed[path], indexed == file.hashed() {
                run.tally.add(.unchanged, path: path)
                run.onEvent(.done(path: path, index: number, total: run.total))
                return
            }
            let parsed = try parser.parseDocument(bytes: file.bytes, path: path, sha256: file.knownSHA256)
            let prepared = try PreparedDocument(parsed, path: path, fold: fold, pinyin: pinyin, source: file.bytes)
            batch.add(.init(number: number, prepared: prepared), bytes: file.bytes.count)
            if batch.isFull { flush() }
        } catch {
            // A file that cannot be read any more leaves the index too.
            if run.indexed[path] != nil, error is InputError { try? run.store.remove(paths: [path]) }
            run.failed(path, error)
        }
    }

    /// Hands the batch to the run's writer, which commits it in one transaction.
    mutating func flush() {
        guard !batch.documents.isEmpty else { return }
        let batch = self.batch, run = self.run
        self.batch = IndexBatch(limit: run.batchLimit)
        run.writer.submit { IndexWorker.commit(batch, run: run) }
    }

    private static func commit(_ batch: IndexBatch, run: IndexRun) {
        do {
            try run.store.write(batch: batch.documents.map(\.prepared))
            for d in batch.documents { finished(d, run: run) }
        } catch {
            // One document the batch could not take must not cost the others theirs: each is
            // written again on its own.
            for d in batch.documents {
                do {
                    try run.store.write(d.prepared)
                    finished(d, run: run)
                } catch {
                    run.failed(d.prepared.path, error)
                }
            }
        }
    }

    private static func finished(_ d: IndexBatch.Document, run: IndexRun) {
        run.tally.add(run.indexed[d.prepared.path] == nil ? .added : .replaced, path: d.prepared.path)
        run.onEvent(.done(path: d.prepared.path, index: d.number, total: run.total))
    }
}
