import DrugLabel
import Foundation
import GRDB
import LabelIngest
@testable import LabelStore
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The index against what users and attackers do to it: odd folders, files that are not
/// files, readers while it is made or made again, damaged files, read-only commands, and
/// sources that move after indexing.
@Suite("Index robustness")
struct StoreRobustnessTests {
    let fold: TextFold
    init() throws { fold = try TextFold.checked() }

    /// The corpus copied into a scratch folder (documents there may be moved or deleted).
    func corpusCopy() throws -> URL {
        let docs = try TestSupport.scratch().appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: TestSupport.corpus.appendingPathComponent(name), to: docs.appendingPathComponent(name))
        }
        return docs
    }

    func index(_ paths: [String], into db: String, rebuild: Bool = false) throws -> (LabelStore, Indexer.Summary) {
        try StoreRobustnessTests.index(paths, into: db, rebuild: rebuild)
    }

    static func index(_ paths: [String], into db: String, rebuild: Bool = false) throws -> (LabelStore, Indexer.Summary) {
        let build = try IndexBuild(path: db, rebuild: rebuild)
        let summary = try Indexer(build: build, makeParser: { try LabelParser() }).run(paths) { _ in }
        return (try build.publish(), summary)
    }

    @Test("a folder named sub.txt is walked; FIFOs skipped unopened; symlinks out of the folder and loops skipped, said")
    func walking() throws {
        let root = try TestSupport.scratch()
        let docs = root.appendingPathComponent("docs"), outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: docs.appendingPathComponent("sub.txt"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.corpusPath(TestSupport.labelName), toPath: docs.appendingPathComponent("sub.txt/a.txt").path)
        try Data("【禁忌】\n外面的秘密。\n".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("passwd.txt").path, withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("inside.txt").path, withDestinationPath: "sub.txt/a.txt")
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("self.txt").path, withDestinationPath: "self.txt")
        let fifo = docs.appendingPathComponent("x.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Were the FIFO opened for reading, the run would wait for a writer: this one comes
        // after 20 s and says so, so that the test fails instead of hanging.
        let blocked = Flag()
        let watchdog = Thread {
            Thread.sleep(forTimeInterval: 20)
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { blocked.set(); close(fd) }
        }
        watchdog.start()
        let walk = FolderWalk(docs.path)
        #expect(walk.files == [docs.path + "/inside.txt", docs.path + "/sub.txt/a.txt"])
        let reasons = Dictionary(walk.skipped.map { (($0.path as NSString).lastPathComponent, $0.reason) }) { a, _ in a }
        #expect(reasons["x.txt"] == "not a regular file (a FIFO)")
        #expect(reasons["passwd.txt"] == "symlink leads outside \(docs.path)")
        #expect(reasons["loop"]?.contains("symlink loop") == true)
        #expect(reasons["self.txt"]?.contains("symlink leads nowhere") == true)
        let (store, summary) = try index([docs.path], into: root.appendingPathComponent("i.sqlite").path)
        #expect(summary.failed.isEmpty && summary.added == 2 && summary.skipped.count == 4)
        #expect(try store.search(SearchQuery("外面的秘密"), filters: .init(), fold: fold).isEmpty)
        // A FIFO named on the command line is that file's failure, and the run goes on.
        let named = try Indexer(store: store, makeParser: { try LabelParser() }).run([fifo, TestSupport.corpusPath(TestSupport.labelName)]) { _ in }
        #expect(named.skipped == ["\(fifo): not a regular file (a FIFO)"] && named.added == 1)
        #expect(!blocked.value)
    }

    @Test("readers of a new index being built never see a half-made file; a rebuild swaps in whole")
    func atomicCreationAndRebuild() async throws {
        let docs = try corpusCopy()
        let text = try String(contentsOfFile: TestSupport.corpusPath(TestSupport.labelName), encoding: .utf8)
        for i in 0..<24 { try (text + "\n编号\(i)\n").write(to: docs.appendingPathComponent("copy-\(i).txt"), atomically: true, encoding: .utf8) }
        let db = docs.deletingLastPathComponent().appendingPathComponent("new/index.sqlite").path
        let docsPath = docs.path
        let building = Task.detached { try StoreRobustnessTests.index([docsPath], into: db).1 }
        var outcomes: [String: Int] = [:]
        var found = 0
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            do {
                let reader = try LabelStore(path: db, readOnly: true)
                let hits = try reader.search(SearchQuery("托珠单抗"), filters: .init(limit: 1), fold: fold)
                #expect(!hits.isEmpty)
                #expect(try reader.counts()["documents"] == 29)
                found += 1
                if found >= 5 { break }
            } catch let error as StoreError {
                switch error {
                case .missing, .building: outcomes["\(error)".contains("building") ? "building" : "missing", default: 0] += 1
                default: Issue.record("a reader saw \(error)")
                }
                usleep(5_000)
            }
        }
        let summary = try await building.value
        #expect(summary.added == 29 && found == 5)
        // The build was seen as going on (the file aside), never as a damaged or foreign index.
        #expect((outcomes["building"] ?? 0) > 0)
        #expect(!FileManager.default.fileExists(atPath: db + ".building-\(getpid())"))
        #expect(!FileManager.default.fileExists(atPath: db + ".building-\(getpid()).packed"))

        // Rebuilt from two documents while a long-lived reader keeps searching the same file:
        // it sees 29 documents, then 2, never an empty or partial index.
        let reader = try LabelStore(path: db, readOnly: true)
        let two = [TestSupport.corpusPath(TestSupport.labelName), TestSupport.corpusPath("car-t-risks-and-regulation-review-article")]
        let rebuilding = Task.detached { try StoreRobustnessTests.index(two, into: db, rebuild: true).1 }
        var seen: Set<Int> = []
        var last = 0
        let until = Date().addingTimeInterval(300)
        while Date() < until {
            let n = try reader.counts()["documents"] ?? -1
            seen.insert(n)
            last = n
            if n == 2 { break }
            usleep(2_000)
        }
        _ = try await rebuilding.value
        #expect(seen.isSubset(of: [29, 2]) && last == 2, "the reader saw \(seen.sorted()) documents")
        #expect(try LabelStore(path: db, readOnly: true).counts()["documents"] == 2)
    }

    @Test("a page-damaged or truncated index gives a StoreError with the way out, never SQLite's text")
    func damaged() throws {
        let (store, _) = try index([TestSupport.corpus.path], into: try TestSupport.scratch().appendingPathComponent("i.sqlite").path)
        let original = try Data(contentsOf: URL(fileURLWithPath: store.path))
        #expect(original.count > 64 * 1024)
        for damage in ["pages", "truncated"] {
            let copy = try TestSupport.scratch().appendingPathComponent("damaged.sqlite").path
            var bytes = original
            if damage == "pages" {
                let from = bytes.count / 4, to = bytes.count * 3 / 4
                bytes.replaceSubrange(from..<to, with: Data(repeating: 0xA5, count: to - from))
            } else {
                bytes = bytes.prefix(bytes.count / 3)
            }
            try bytes.write(to: URL(fileURLWithPath: copy))
            var errors: [StoreError] = []
            func attempt(_ body: (LabelStore) throws -> Void) {
                do { try body(try LabelStore(path: copy, readOnly: true)) } catch let error as StoreError { errors.append(error) } catch {
                    Issue.record("\(damage): not a StoreError: \(error)")
                }
            }
            attempt { _ = try $0.search(SearchQuery("托珠单抗"), filters: .init(limit: 1000), fold: fold) }
            attempt { _ = try $0.search(SearchQuery("CRS 发热"), filters: .init(limit: 1000), fold: fold) }
            attempt { _ = try $0.counts() }
            attempt { try $0.export { _ in } }
            attempt { _ = try $0.storedDocument(path: TestSupport.corpusPath(TestSupport.labelName)) }
            #expect(errors.contains { if case .damaged = $0 { return true } else { return false } }, "\(damage): \(errors)")
            for error in errors {
                let text = error.description
                #expect(!text.contains("SELECT") && !text.contains("FROM ") && text.contains("--rebuild"), "\(damage): \(text)")
            }
        }
    }

    @Test("read-only opening never writes: a missing or empty file stays so, and says how to make an index")
    func readOnlyNeverWrites() throws {
        let dir = try TestSupport.scratch()
        let missing = dir.appendingPathComponent("missing.sqlite").path, empty = dir.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(throws: StoreError.missing(path: missing)) { try LabelStore(path: missing, readOnly: true) }
        #expect(throws: StoreError.missing(path: empty)) { try LabelStore(path: empty, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: missing) && FileIdentity.size(of: empty) == 0)
        #expect(StoreError.missing(path: empty).description.contains("druglabel index"))
        // An index made over the empty file by `index` (aside, then renamed onto it).
        let (store, _) = try index([TestSupport.corpusPath(TestSupport.labelName)], into: empty)
        #expect(try store.counts()["documents"] == 1)
    }

    @Test("last_indexed is the last index run, kept in the index: searching and touching the file do not move it")
    func lastIndexed() throws {
        let db = try TestSupport.scratch().appendingPathComponent("i.sqlite").path
        let before = Date()
        let (store, _) = try index([TestSupport.corpusPath(TestSupport.labelName)], into: db)
        let first = try #require(try store.lastIndexed())
        #expect(first >= before.addingTimeInterval(-1) && first <= Date().addingTimeInterval(1))
        Thread.sleep(forTimeInterval: 0.05)
        let reader = try LabelStore(path: db, readOnly: true)
        _ = try reader.search(SearchQuery("发热"), filters: .init(), fold: fold)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(3600)], ofItemAtPath: db)
        #expect(try reader.lastIndexed() == first)
        let (again, _) = try index([TestSupport.corpusPath("car-t-risks-and-regulation-review-article")], into: db)
        #expect(try #require(try again.lastIndexed()) > first)
    }

    @Test("the index answers from its stored sources when the files are moved, changed, deleted or FIFOs")
    func storedDocuments() throws {
        let docs = try corpusCopy()
        let db = docs.deletingLastPathComponent().appendingPathComponent("i.sqlite").path
        let (store, _) = try index([docs.path], into: db)
        let parser = try LabelParser()
        var expected: [String: Label] = [:]
        for path in try store.documentSummaries().map(\.path) {
            expected[path] = try parser.parse(fileAt: path)
        }
        #expect(expected.count == 5)
        let paths = expected.keys.sorted()
        try FileManager.default.removeItem(atPath: paths[0])
        try FileManager.default.moveItem(atPath: paths[1], toPath: paths[1] + ".moved")
        try Data("【禁忌】\n改过了。\n".utf8).write(to: URL(fileURLWithPath: paths[2]))
        try FileManager.default.removeItem(atPath: paths[3])
        #expect(mkfifo(paths[3], 0o644) == 0)
        let cwd = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath("/")
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        let reader = try LabelStore(path: db, readOnly: true)
        for path in paths {
            let stored = try #require(try reader.storedDocument(path: path))
            #expect(stored.label == expected[path], "\(path)")
            #expect(!stored.lines.isEmpty)
        }
        #expect(try reader.storedDocument(path: "/no/such/document.txt") == nil)
    }

    @Test("a new index defers full-text merges and gathers a large commit's tokens while it is built aside; published, it merges as FTS5 does, and later runs add to it")
    func deferredMerges() throws {
        let dir = try TestSupport.scratch()
        let db = dir.appendingPathComponent("i.sqlite").path
        func settings(_ store: LabelStore) throws -> [String: Int] {
            try store.pool.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT k, v FROM section_index_config WHERE k IN ('automerge', 'crisismerge', 'hashsize')")
                    .map { ($0["k"] as String, $0["v"] as Int) })
            }
        }
        let build = try IndexBuild(path: db, rebuild: false)
        #expect(try settings(build.store) == ["automerge": 0, "crisismerge": 256, "hashsize": 32 << 20])
        _ = try Indexer(build: build, makeParser: { try LabelParser() }).run([TestSupport.corpusPath(TestSupport.labelName)]) { _ in }
        let store = try build.publish()
        #expect(try settings(store) == ["automerge": 4, "crisismerge": 16, "hashsize": 1 << 20])
        // Updated in place: the new document is found beside the first.
        let other = TestSupport.corpusPath("zevorcabtagene-autoleucel-nrdl-application-2025")
        let (updated, _) = try StoreRobustnessTests.index([other], into: db)
        let fold = try TextFold.checked()
        let paths = Set(try updated.search(SearchQuery("注射液"), filters: .init(limit: 1000), fold: fold).map(\.path))
        #expect(paths == [TestSupport.corpusPath(TestSupport.labelName), other])
    }

    @Test("a new index is written aside without its secondary indexes; published, it has every one the schema makes, as an index made in place")
    func deferredIndexes() throws {
        let dir = try TestSupport.scratch()
        func indexes(_ store: LabelStore) throws -> [String: String] {
            try store.pool.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
                    .map { ($0["name"] as String, $0["sql"] as String) })
            }
        }
        let schema = try indexes(LabelStore(path: dir.appendingPathComponent("schema.sqlite").path))
        #expect(schema.count >= 10)
        let build = try IndexBuild(path: dir.appendingPathComponent("i.sqlite").path, rebuild: false)
        #expect(try indexes(build.store).isEmpty)
        _ = try Indexer(build: build, makeParser: { try LabelParser() }).run([TestSupport.corpusPath(TestSupport.labelName)]) { _ in }
        let store = try build.publish()
        #expect(try indexes(store) == schema)
        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT json FROM doses WHERE document_id = 1").map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("doses_document") }, "\(plan)")
        #expect(try store.counts()["doses"] ?? 0 > 0)
    }

    @Test("a new index built aside takes more commits than FTS5 holds segments: its deferred merges still merge")
    func manyCommitsAside() throws {
        let dir = try TestSupport.scratch()
        let build = try IndexBuild(path: dir.appendingPathComponent("i.sqlite").path, rebuild: false)
        defer { build.abandon() }
        // Each commit adds a segment. FTS5 holds at most 2,000 and clamps a crisismerge to
        // 1,999: with merges put off that far, the commit after the 3,997th found no room
        // ("database or disk is full").
        for n in 1...4_100 {
            try build.store.pool.write { db in
                try db.execute(sql: "INSERT INTO section_index (rowid, grams) VALUES (?, ?)", arguments: [n, "测试\(n) 注射"])
            }
        }
        let found = try build.store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM section_index WHERE section_index MATCH ?", arguments: ["注射"]) ?? 0
        }
        #expect(found == 4_100)
    }

    @Test("files a dead index run left aside, packed copy included, are removed by the next run")
    func abandonedBuilds() throws {
        let dir = try TestSupport.scratch()
        let db = dir.appendingPathComponent("i.sqlite").path
        // A pid that no process has: past the kernel's pid_max.
        let dead = "\(db).building-4194399"
        for file in [dead, dead + "-wal", dead + ".packed", db + ".building-notapid"] {
            #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        }
        _ = try index([TestSupport.corpusPath(TestSupport.labelName)], into: db)
        for file in [dead, dead + "-wal", dead + ".packed"] { #expect(!FileManager.default.fileExists(atPath: file), "\(file)") }
        #expect(FileManager.default.fileExists(atPath: db + ".building-notapid"))
        #expect(try LabelStore(path: db, readOnly: true).counts()["documents"] == 1)
    }

    @Test("the index is under 4× its text, sources included, on the Corpus and on labels-dev; paragraphs read back as parsed")
    func size() throws {
        var folders = [try corpusCopy()]
        let dev = TestSupport.labelsDev.appendingPathComponent("labels")
        if FileManager.default.fileExists(atPath: dev.path) { folders.append(dev) }
        for docs in folders {
            let db = try TestSupport.scratch().appendingPathComponent("i.sqlite").path
            let (store, _) = try index([docs.path], into: db)
            let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".txt") }
            let text = names.reduce(0) { $0 + (FileIdentity.size(of: docs.path + "/" + $1) ?? 0) }
            let size = try #require(FileIdentity.size(of: store.path))
            let (sources, kept) = try store.pool.read { db in
                (try Int.fetchOne(db, sql: "SELECT sum(length(data)) FROM sources") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT sum(length(text)) FROM paragraphs") ?? 0)
            }
            print("\(docs.lastPathComponent): index \(size) B for \(text) B of text (\(Double(size) / Double(text))×); "
                  + "sources deflated \(Double(sources) / Double(text))×; paragraph text kept beside cuts \(Double(kept) / Double(text))×")
            #expect(size < 4 * text, "\(docs.path)")
            // Every paragraph, read back from its cuts of the stored source, is the parser's.
            for path in try store.documentSummaries().map(\.path) {
                let document = try #require(try store.storedDocument(path: path))
                let expected = SearchableText.parts(of: document.label, lines: document.lines).map { $0.paragraphs.map(\.text) }
                let stored = try store.pool.read { db in
                    var reader = ParagraphReader(storePath: store.path)
                    return try Int64.fetchAll(db, sql: "SELECT s.id FROM sections s JOIN documents d ON d.id = s.document_id WHERE d.path = ? ORDER BY s.ordinal",
                                              arguments: [path]).map { try reader.paragraphs(section: $0, db: db).map(\.text) }
                }
                #expect(stored == expected, "\(path)")
            }
        }
    }
}

/// A flag set by one thread and read by another.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var set_ = false
    func set() { lock.withLock { set_ = true } }
    var value: Bool { lock.withLock { set_ } }
}
