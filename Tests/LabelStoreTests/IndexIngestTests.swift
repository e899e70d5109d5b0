import DrugLabel
import Foundation
import GRDB
@testable import LabelIngest
@testable import LabelStore
import TestSupport
import Testing

/// Files into the index (`LabelIngest`), and the records the store writes for them.
@Suite("Index ingest and records")
struct IndexIngestTests {
    let fold: TextFold

    init() throws { fold = try TextFold.checked() }

    @Test("a document's source.sha256 is the hash the indexer compares: unchanged files are skipped, a changed one takes its new hash")
    func hashCompared() throws {
        let dir = try TestSupport.scratch()
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for name in [TestSupport.labelName, "axicabtagene-ciloleucel-nrdl-application-2023"] {
            try FileManager.default.copyItem(atPath: TestSupport.corpusPath(name), toPath: docs.appendingPathComponent(name + ".txt").path)
        }
        let store = try LabelStore(path: dir.appendingPathComponent("i.sqlite").path)
        let indexer = Indexer(store: store, makeParser: { try LabelParser() })
        #expect(try indexer.run([docs.path]) { _ in }.added == 2)
        func checkHashes() throws {
            for summary in try store.documentSummaries() {
                var file = try SourceFile(path: summary.path)
                let compared = file.hashed()
                #expect(summary.sha256 == compared, "\(summary.path)")
                #expect(try store.storedDocument(path: summary.path)?.label.source.sha256 == compared)
            }
        }
        try checkHashes()
        let again = try indexer.run([docs.path]) { _ in }
        #expect(again.unchanged == 2 && again.added == 0 && again.replaced == 0)
        let changed = docs.appendingPathComponent(TestSupport.labelName + ".txt")
        try (String(contentsOf: changed, encoding: .utf8) + "\n【贮藏】\n改过的贮藏条件。\n").write(to: changed, atomically: true, encoding: .utf8)
        let third = try indexer.run([docs.path]) { _ in }
        #expect(third.replaced == 1 && third.unchanged == 1)
        try checkHashes()
    }

    @Test("a file named twice (its folder given twice, or the file and its folder) is indexed once and counted once")
    func namedTwice() throws {
        let dir = try TestSupport.scratch()
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let file = docs.appendingPathComponent("label.txt").path
        try FileManager.default.copyItem(atPath: TestSupport.corpusPath(TestSupport.labelName), toPath: file)
        let build = try IndexBuild(path: dir.appendingPathComponent("i.sqlite").path, rebuild: false)
        let summary = try Indexer(build: build, makeParser: { try LabelParser() }).run([docs.path, docs.path, file]) { _ in }
        #expect(summary.added == 1 && summary.replaced == 0)
        #expect(try build.publish().counts()["documents"] == 1)
    }

    @Test("the rows written are the records prepared, one record type per table, read back by the same types")
    func recordsRoundTrip() throws {
        let dir = try TestSupport.scratch()
        let store = try LabelStore(path: dir.appendingPathComponent("i.sqlite").path)
        let parser = try LabelParser()
        for name in [TestSupport.labelName, "axicabtagene-ciloleucel-nrdl-application-2023"] {
            let path = TestSupport.corpusPath(name)
            let bytes = try TestSupport.bytes(name)
            let prepared = try PreparedDocument(parser.parseDocument(bytes: bytes, path: path), path: path, fold: fold, pinyin: Pinyin(), source: bytes)
            try store.write(prepared)
            try store.pool.read { db in
                let document = try #require(try DocumentRecord.filter(sql: "path = ?", arguments: [path]).fetchOne(db))
                let id = try #require(document.id)
                var expected = prepared.document
                expected.id = id
                #expect(document == expected)
                let owned = "document_id = \(id)"
                #expect(try SourceRecord.filter(sql: owned).fetchAll(db).map { var r = $0; r.documentID = 0; return r }
                        == (prepared.source.map { [$0] } ?? []))
                let sections = try SectionRecord.filter(sql: owned).order(sql: "id").fetchAll(db)
                #expect(sections.map { var r = $0; r.id = nil; r.documentID = 0; return r } == prepared.sections.map(\.record))
                for (section, wanted) in zip(sections, prepared.sections) {
                    let paragraphs = try ParagraphRecord.filter(sql: "section_id = ?", arguments: [section.id]).order(sql: "ordinal").fetchAll(db)
                    #expect(paragraphs.map { var r = $0; r.sectionID = 0; return r } == wanted.paragraphs)
                }
                #expect(try DoseRecord.filter(sql: owned).order(sql: "id").fetchAll(db).map { var r = $0; r.id = nil; r.documentID = 0; return r }
                        == prepared.doses)
                let drugs = Set(try DoseDrugRecord.fetchAll(db).map(\.key))
                #expect(Set(prepared.doses.map(\.drugKey)).isSubset(of: drugs))
                #expect(try TableRowRecord.filter(sql: owned).order(sql: "id").fetchAll(db).map { var r = $0; r.id = nil; r.documentID = 0; return r }
                        == prepared.tableRows)
                #expect(try ReactionArmRecord.filter(sql: owned).order(sql: "id").fetchAll(db).map { var r = $0; r.id = nil; r.documentID = 0; return r }
                        == prepared.reactionArms)
                #expect(try AbbreviationRecord.filter(sql: owned).order(sql: "id").fetchAll(db).map { var r = $0; r.id = nil; r.documentID = 0; return r }
                        == prepared.abbreviations)
                #expect(try FieldRecord.filter(sql: owned).order(sql: "id").fetchAll(db).map { var r = $0; r.id = nil; r.documentID = 0; return r }
                        == prepared.fields)
            }
            // Every table of the label, and the application's fields, have rows to compare.
            #expect(!prepared.sections.isEmpty && !prepared.doses.isEmpty && !prepared.abbreviations.isEmpty)
            #expect(name == TestSupport.labelName ? !prepared.tableRows.isEmpty && !prepared.reactionArms.isEmpty : !prepared.fields.isEmpty)
        }
        // The end of a run, as a record of `meta`, read back as a date.
        let now = Date(timeIntervalSince1970: 1_800_000_000.25)
        try store.markIndexed(at: now)
        try store.markIndexed(at: now)
        #expect(try store.lastIndexed() == now)
    }

    @Test("an index built aside commits large batches, one updated in place small ones; both hold the same documents and say each file done once")
    func commitSizes() throws {
        let dir = try TestSupport.scratch()
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        // labels-dev copied twice under numbered names: 242 files, about 0.7 MB.
        var names: [String] = []
        let labels = try FileManager.default.contentsOfDirectory(atPath: TestSupport.labelsDev.appendingPathComponent("labels").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        for copy in 0..<2 {
            for label in labels {
                let name = "\(copy)-\(label)"
                try FileManager.default.copyItem(atPath: TestSupport.labelsDev.appendingPathComponent("labels/" + label).path,
                                                 toPath: docs.appendingPathComponent(name).path)
                names.append(name)
            }
        }
        #expect(names.count > IndexBatch.Limit.watched.documents * 3)
        func exported(_ store: LabelStore) throws -> [Data] {
            var lines: [Data] = []
            try store.export { lines.append($0) }
            return lines
        }
        /// Indexes the folder and counts the commits: each batch's, and the run's mark.
        func run(_ indexer: Indexer, done: Counter = Counter()) throws -> (summary: Indexer.Summary, commits: Int) {
            let commits = CommitCounter()
            try indexer.store.pool.writeWithoutTransaction { db in db.add(transactionObserver: commits, extent: .databaseLifetime) }
            let summary = try indexer.run([docs.path]) { event in
                if case .done(_, let n, _) = event { done.add(n) }
            }
            return (summary, commits.count)
        }
        let build = try IndexBuild(path: dir.appendingPathComponent("aside.sqlite").path, rebuild: true)
        #expect(build.isAside)
        let asideIndexer = Indexer(build: build, makeParser: { try LabelParser() })
        #expect(asideIndexer.batchLimit == .aside)
        let done = Counter()
        let asideRun = try run(asideIndexer, done: done)
        let aside = try build.publish()
        let inPlace = try LabelStore(path: dir.appendingPathComponent("in-place.sqlite").path)
        let inPlaceIndexer = Indexer(store: inPlace, makeParser: { try LabelParser() })
        #expect(inPlaceIndexer.batchLimit == .watched)
        let inPlaceRun = try run(inPlaceIndexer)
        #expect(asideRun.summary.added == names.count && inPlaceRun.summary.added == names.count)
        #expect(done.sorted == Array(1...names.count))
        // Under 2 MB in all: a batch per worker, then the mark. In place, 64 documents a commit.
        let workers = ProcessInfo.processInfo.activeProcessorCount
        #expect(asideRun.commits <= workers + 1, "\(asideRun.commits)")
        #expect(inPlaceRun.commits >= names.count / IndexBatch.Limit.watched.documents + 1, "\(inPlaceRun.commits)")
        #expect(try aside.counts() == inPlace.counts())
        let a = try exported(aside), b = try exported(inPlace)
        #expect(a.count == names.count && a == b)
        let query = SearchQuery("不良反应")
        #expect(try aside.sectionMatches(query, fold: fold) == inPlace.sectionMatches(query, fold: fold))
        #expect(try aside.sectionMatches(query, fold: fold) > 0)

        // A batch is committed when it is full, by documents or by bytes, whichever comes first.
        let bytes = try names.map { try FileManager.default.attributesOfItem(atPath: docs.appendingPathComponent($0).path)[.size] as! Int }
        for (limit, least) in [(IndexBatch.Limit(documents: 10, bytes: 1 << 30), names.count / 10),
                               (IndexBatch.Limit(documents: 1 << 20, bytes: 40_000), bytes.reduce(0, +) / 40_000 / 2)] {
            let store = try LabelStore(path: dir.appendingPathComponent("limit-\(limit.documents).sqlite").path)
            let counted = try run(Indexer(store: store, batchLimit: limit, makeParser: { try LabelParser() }))
            #expect(counted.summary.added == names.count)
            #expect(counted.commits >= least && counted.commits <= least * 3 + workers + 1, "\(limit): \(counted.commits)")
        }
    }

    @Test("the run's writer commits what it is handed one at a time, in order; a worker handing it more than it holds waits; finish waits for all")
    func writerOrder() throws {
        let writer = BatchWriter(depth: 2)
        let log = Counter(), running = Counter(), overlaps = Counter()
        for n in 1...40 {
            writer.submit {
                running.add(n)
                if running.values.count > 1 { overlaps.add(n) }
                usleep(200)
                log.add(n)
                running.removeAll()
            }
        }
        writer.finish()
        #expect(log.values == Array(1...40))
        #expect(overlaps.values.isEmpty)

        // One commit running and one waiting: a third hand-over waits until the first is done.
        let gate = DispatchSemaphore(value: 0)
        writer.submit { gate.wait() }
        writer.submit {}
        let handed = Counter()
        let third = Thread { writer.submit {}; handed.add(3) }
        third.start()
        usleep(200_000)
        #expect(handed.values.isEmpty)
        gate.signal()
        writer.finish()
        for _ in 0..<100 where handed.values.isEmpty { usleep(10_000) }
        #expect(handed.values == [3])
        writer.finish()
    }

    @Test("a folder walk takes the text files below it, sorted; a file names itself")
    func walk() throws {
        let files = Indexer.files(under: TestSupport.corpus.path)
        #expect(files.count == 5 && files == files.sorted() && files.allSatisfy { $0.hasSuffix(".txt") })
        #expect(Indexer.files(under: TestSupport.corpusPath(TestSupport.labelName)) == [TestSupport.corpusPath(TestSupport.labelName)])
    }
}

/// Numbers gathered from several threads.
private final class Counter: @unchecked Sendable {
    private var gathered: [Int] = []
    private let lock = NSLock()

    func add(_ n: Int) { lock.lock(); gathered.append(n); lock.unlock() }
    func removeAll() { lock.lock(); gathered.removeAll(); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return gathered }
    var sorted: [Int] { values.sorted() }
}

/// Counts the commits of a store's writer connection.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private var commits = 0
    private let lock = NSLock()

    var count: Int { lock.lock(); defer { lock.unlock() }; return commits }
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { lock.lock(); commits += 1; lock.unlock() }
    func databaseDidRollback(_ db: Database) {}
}
