import DrugLabel
import Foundation
import GRDB
import LabelIngest
@testable import LabelStore
import TestSupport
import Testing

/// The index: recall on every substring, folding, operators, odd queries, re-indexing and
/// damaged files.
@Suite("Index and search")
struct StoreTests {
    let fold: TextFold

    init() throws { fold = try TextFold.checked() }

    /// A fresh index of the bundled corpus in a scratch folder.
    func indexedCorpus() throws -> LabelStore {
        let dir = try TestSupport.scratch()
        let store = try LabelStore(path: dir.appendingPathComponent("index.sqlite").path)
        let summary = try Indexer(store: store, makeParser: { try LabelParser() }).run([TestSupport.corpus.path]) { _ in }
        #expect(summary.added == 5 && summary.failed.isEmpty)
        return store
    }

    func paths(_ hits: [SearchHit]) -> Set<String> { Set(hits.map { ($0.path as NSString).lastPathComponent }) }

    @Test("every substring of every section, of any length, is found in its section")
    func recall() throws {
        let store = try indexedCorpus()
        var generator = SplitMix(seed: 2026)
        var checked = 0
        for name in TestSupport.expectationNames {
            let label = try TestSupport.parse(name)
            for section in label.sections where !section.text.isEmpty {
                let paragraphs = section.text.split(separator: "\n").map { Array(String($0).unicodeScalars) }
                for _ in 0..<6 {
                    let p = paragraphs[Int.random(in: 0..<paragraphs.count, using: &generator)]
                    let length = [1, 2, 3, 4, 7, 12, 30][Int.random(in: 0..<7, using: &generator)]
                    guard p.count >= length else { continue }
                    let start = Int.random(in: 0...(p.count - length), using: &generator)
                    let query = String(String.UnicodeScalarView(p[start..<(start + length)]))
                    guard SearchKey.match(query, fold: fold) != nil else { continue }
                    // As a phrase, so that spaces and operator words inside are text.
                    let hits = try store.search(SearchQuery("\"\(query.replacingOccurrences(of: "\"", with: " "))\""),
                                                filters: .init(section: section.key, limit: 10_000), fold: fold)
                    #expect(hits.contains { $0.path.hasSuffix(name + ".txt") && $0.heading == section.heading },
                            "“\(query)” of \(name) 【\(section.heading)】 not found")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test("folded matching: Traditional, case, width, mixed Latin tokens; operators")
    func folding() throws {
        let store = try indexedCorpus()
        let search = { (q: String) in try store.search(SearchQuery(q), filters: .init(limit: 1000), fold: self.fold) }
        let traditional = try search("適應症")
        #expect(traditional.contains { $0.section == "indications_and_usage" })
        let lower = try search("car-t"), upper = try search("CAR-T")
        #expect(lower.count == upper.count && !upper.isEmpty)
        let cd19 = try search("CD19"), mgm2 = try search("mg/m2"), il6 = try search("IL-6")
        #expect(!cd19.isEmpty && !mgm2.isEmpty && !il6.isEmpty)
        let fullWidth = try search("ＣＲＳ"), crs = try search("CRS")
        #expect(fullWidth.count == crs.count)
        let both = try search("托珠单抗 地塞米松"), either = try search("托珠单抗 OR 地塞米松")
        let tocilizumab = try search("托珠单抗"), without = try search("托珠单抗 NOT 地塞米松")
        #expect(both.count <= tocilizumab.count && either.count >= tocilizumab.count)
        #expect(without.count <= tocilizumab.count && !without.isEmpty)
        let sectionOnly = try store.search(SearchQuery("托珠单抗"), filters: .init(section: "warnings_and_cautions"), fold: fold)
        #expect(!sectionOnly.isEmpty && sectionOnly.allSatisfy { $0.section == "warnings_and_cautions" })
        let fever = try search("发热")
        #expect(fever.first.map { $0.snippet.contains("«发热»") } == true)
    }

    @Test("drug filter by generic, trade or English name or pinyin with or without tones; holder filter")
    func drugAndHolder() throws {
        let store = try indexedCorpus()
        let find = { (drug: String?, holder: String?) in
            try self.paths(store.search(SearchQuery("骨髓瘤 OR 淋巴瘤"), filters: .init(drug: drug, holder: holder, limit: 1000), fold: self.fold))
        }
        let axicel: Set = ["axicabtagene-ciloleucel-label-2024.txt", "axicabtagene-ciloleucel-nrdl-application-2023.txt",
                           "axicabtagene-ciloleucel-slides-2025.txt"]
        #expect(try find("ajilunsai", nil) == axicel)
        #expect(try find("ā jí lún sài", nil) == axicel)
        #expect(try find("阿基仑赛注射液", nil) == axicel)
        #expect(try find("奕凯达", nil) == ["axicabtagene-ciloleucel-label-2024.txt"])
        #expect(try find("zewojiaolunsai", nil) == ["zevorcabtagene-autoleucel-nrdl-application-2025.txt"])
        #expect(try find(nil, "恺兴") == ["zevorcabtagene-autoleucel-nrdl-application-2025.txt"])
        #expect(try find("托珠单抗", nil).isEmpty)
    }

    @Test("an abbreviation finds sections that write only its long form, and the reverse, saying so")
    func abbreviations() throws {
        let store = try indexedCorpus()
        let all = StoreTests.all
        let short = try store.search(SearchQuery("CRS"), filters: all, fold: fold)
        let long = try store.search(SearchQuery("细胞因子释放综合征"), filters: all, fold: fold)
        let key = { (h: SearchHit) in "\(h.path) \(h.heading)" }
        #expect(Set(long.map(key)).isSubset(of: Set(short.map(key))) && Set(short.map(key)).isSubset(of: Set(long.map(key))))
        #expect(long.contains { $0.expansion == "细胞因子释放综合征 → CRS" && $0.snippet.contains("«CRS»") })
        let counts = try store.counts()
        #expect((counts["abbreviations"] ?? 0) > 50)
    }

    static let all = LabelStore.SearchFilters(limit: 10_000)

    @Test("the table rows the index stores decode to the cells the parser made")
    func storedCells() throws {
        let store = try indexedCorpus()
        let label = try TestSupport.parse(TestSupport.labelName)
        let stored = try store.tableRows(path: TestSupport.corpusPath(TestSupport.labelName))
        let expected = label.tables.flatMap { $0.rows.map(\.cells) }
        #expect(stored.count == expected.count && stored == expected)
    }

    @Test("searches run, and find, while another connection is indexing")
    func searchWhileIndexing() async throws {
        let dir = try TestSupport.scratch()
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: TestSupport.corpusPath(TestSupport.labelName), encoding: .utf8)
        for i in 0..<12 { try (text + "\n编号\(i)\n").write(to: docs.appendingPathComponent("label-\(i).txt"), atomically: true, encoding: .utf8) }
        let path = dir.appendingPathComponent("i.sqlite").path
        let writer = try LabelStore(path: path)
        _ = try Indexer(store: writer, makeParser: { try LabelParser() }).run([docs.appendingPathComponent("label-0.txt").path]) { _ in }
        let indexing = Task.detached {
            try Indexer(store: writer, makeParser: { try LabelParser() }).run([docs.path]) { _ in }
        }
        let reader = try LabelStore(path: path)
        var searches = 0
        while searches < 200 {
            let hits = try reader.search(SearchQuery("托珠单抗"), filters: .init(limit: 5), fold: fold)
            #expect(!hits.isEmpty)
            searches += 1
        }
        let summary = try await indexing.value
        #expect(summary.failed.isEmpty && summary.added == 11 && summary.unchanged == 1)
        let counts = try reader.counts()
        #expect(counts["documents"] == 12)
    }

    @Test("SQL, FTS5 syntax and very long strings are searched as text")
    func oddQueries() throws {
        let store = try indexedCorpus()
        for q in ["'; DROP TABLE documents; --", "\"unterminated", "NEAR(托珠 单抗)", "托珠单抗*", "^发热", "a:b OR", String(repeating: "发热", count: 5000)] {
            _ = try store.search(SearchQuery(q), filters: .init(), fold: fold)
        }
        let counts = try store.counts()
        #expect(counts["documents"] == 5)
        #expect(throws: StoreError.emptyQuery) { try store.search(SearchQuery("，。！"), filters: .init(), fold: fold) }
    }

    @Test("re-indexing skips unchanged files, replaces changed ones, drops removed ones")
    func incremental() throws {
        let dir = try TestSupport.scratch()
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for name in ["axicabtagene-ciloleucel-label-2024", "zevorcabtagene-autoleucel-nrdl-application-2025"] {
            try FileManager.default.copyItem(atPath: TestSupport.corpusPath(name), toPath: docs.appendingPathComponent(name + ".txt").path)
        }
        let store = try LabelStore(path: dir.appendingPathComponent("i.sqlite").path)
        let indexer = Indexer(store: store, makeParser: { try LabelParser() })
        let first = try indexer.run([docs.path]) { _ in }
        #expect(first.added == 2)
        let again = try indexer.run([docs.path]) { _ in }
        #expect(again.unchanged == 2 && again.added == 0 && again.replaced == 0)
        let label = docs.appendingPathComponent("axicabtagene-ciloleucel-label-2024.txt")
        try (String(contentsOf: label, encoding: .utf8) + "\n【贮藏】\n独一无二的新句子。\n").write(to: label, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: docs.appendingPathComponent("zevorcabtagene-autoleucel-nrdl-application-2025.txt"))
        let third = try indexer.run([docs.path]) { _ in }
        #expect(third.replaced == 1 && third.removed == 1)
        let counts = try store.counts()
        #expect(counts["documents"] == 1)
        let added = try store.search(SearchQuery("独一无二的新句子"), filters: .init(), fold: fold)
        let dropped = try store.search(SearchQuery("泽沃基奥仑赛"), filters: .init(), fold: fold)
        #expect(!added.isEmpty && dropped.isEmpty)
        // The full-text index itself holds no entry of the removed document or of the replaced
        // version: a delete with other tokens than the insert would leave them matching.
        let match = try #require(SearchQuery("泽沃基奥仑赛").match(fold: fold))
        let stale = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM section_index WHERE section_index MATCH ?", arguments: [match])
        }
        let sections = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sections") }
        let indexed = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM section_index WHERE section_index MATCH ?", arguments: [SearchKey.kindToken("label")])
        }
        #expect(stale == 0 && indexed == sections)
    }

    @Test("a search kept for the next request gives way to a write, by this store or another")
    func cachedSearchesFollowWrites() throws {
        let dir = try TestSupport.scratch()
        let path = dir.appendingPathComponent("i.sqlite").path
        let store = try LabelStore(path: path)
        _ = try Indexer(store: store, makeParser: { try LabelParser() }).run([TestSupport.corpusPath(TestSupport.labelName)]) { _ in }
        let reader = try LabelStore(path: path, readOnly: true)
        let query = SearchQuery("独一无二")
        // Past the settling time, so that both stores keep the empty answer.
        Thread.sleep(forTimeInterval: 0.1)
        #expect(try store.searchPage(query, filters: .init(), fold: fold).total == 0)
        #expect(try reader.searchPage(query, filters: .init(), fold: fold).total == 0)
        let extra = dir.appendingPathComponent("extra.txt")
        try Data("新说明书\n【禁忌】\n独一无二的新句子。\n".utf8).write(to: extra)
        _ = try Indexer(store: store, makeParser: { try LabelParser() }).run([extra.path]) { _ in }
        #expect(try store.searchPage(query, filters: .init(), fold: fold).total == 1)
        #expect(try reader.searchPage(query, filters: .init(), fold: fold).total == 1)
    }

    @Test("an index of the first schema is migrated when opened, and finds the same sections")
    func migration() throws {
        let store = try indexedCorpus()
        let path = store.path
        let queries = ["发热", "托珠单抗", "CRS", "適應症", "托珠单抗 NOT 地塞米松", "mg/m2", "热"]
        func found(_ store: LabelStore) throws -> [String: Set<String>] {
            var result: [String: Set<String>] = [:]
            for q in queries {
                let hits = try store.search(SearchQuery(q), filters: .init(limit: 10_000), fold: fold)
                result[q] = Set(hits.map { "\($0.path)#\($0.heading)" })
            }
            return result
        }
        let expected = try found(store)
        #expect(expected.values.allSatisfy { !$0.isEmpty })
        // Schema 1, as the first release wrote it: its full-text table kept column sizes, and it
        // had none of the query indexes.
        try store.pool.write { db in
            // Schema 5's paragraphs (cuts of the stored source, in section order) back to the
            // first schema's: each its text, a row id, a folded copy made by the refill below.
            var reader = ParagraphReader(storePath: path)
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM sections") {
                for (n, p) in try reader.paragraphs(section: id, db: db).enumerated() {
                    try db.execute(sql: "UPDATE paragraphs SET text = ?, line_starts = ? WHERE section_id = ? AND ordinal = ?",
                                   arguments: [p.text, p.lineStarts, id, n + 1])
                }
            }
            try db.execute(sql: """
                CREATE TABLE paragraphs_v1 (
                    id INTEGER PRIMARY KEY,
                    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
                    start_line INTEGER NOT NULL, end_line INTEGER NOT NULL, text TEXT NOT NULL, folded TEXT NOT NULL DEFAULT '',
                    line_starts TEXT);
                INSERT INTO paragraphs_v1 (section_id, start_line, end_line, text, line_starts)
                    SELECT section_id, start_line, end_line, text, line_starts FROM paragraphs ORDER BY section_id, ordinal;
                DROP TABLE paragraphs;
                ALTER TABLE paragraphs_v1 RENAME TO paragraphs;
                CREATE INDEX paragraphs_section ON paragraphs(section_id);
                ALTER TABLE sections DROP COLUMN grams_crc;
                """)
            try db.execute(sql: """
                DROP TABLE section_index;
                CREATE VIRTUAL TABLE section_index USING fts5(
                    grams, content = '', detail = full, tokenize = 'unicode61 remove_diacritics 0');
                DROP INDEX doses_drug;
                DROP TABLE dose_drugs;
                DROP INDEX reaction_arms_lookup;
                DROP INDEX abbreviations_short;
                DROP INDEX abbreviations_long;
                CREATE INDEX abbreviations_short ON abbreviations(short_key);
                CREATE INDEX abbreviations_long ON abbreviations(long_key);
                DROP TABLE meta;
                DROP TABLE sources;
                ALTER TABLE paragraphs DROP COLUMN line_starts;
                DELETE FROM grdb_migrations WHERE identifier <> 'v1';
                PRAGMA user_version = 1;
                """)
            try StoreSchema.refillSectionIndex(db)
        }
        let reopened = try LabelStore(path: path)
        let version = try reopened.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        let table = try reopened.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'section_index'")
        }
        #expect(version == LabelStore.schemaVersion && table?.contains("columnsize = 0") == true)
        #expect(try found(reopened) == expected)
        let doses = try reopened.doses(drug: "托珠单抗", unit: nil, per: nil, fold: TextFold.checked())
        #expect(doses.total > 0 && doses.items.allSatisfy { $0.dose.drug.contains("托珠单抗") })
    }

    @Test("a document the index cannot take fails alone; the others of its batch are written")
    func batchFailure() throws {
        let dir = try TestSupport.scratch()
        let store = try LabelStore(path: dir.appendingPathComponent("i.sqlite").path)
        // The index refuses one document, as a full disk or a constraint would.
        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.path LIKE '%slides%'
                BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
                """)
        }
        let summary = try Indexer(store: store, makeParser: { try LabelParser() }).run([TestSupport.corpus.path]) { _ in }
        #expect(summary.added == 4)
        #expect(summary.failed.count == 1 && summary.failed[0].contains("slides") && summary.failed[0].contains("refused for the test"))
        #expect(try store.counts()["documents"] == 4)
        let found = try store.search(SearchQuery("托珠单抗"), filters: .init(limit: 100), fold: fold)
        #expect(!found.isEmpty && !found.contains { $0.path.contains("slides") })
    }

    @Test("a damaged or foreign index file is refused with a reason; rebuild starts anew")
    func damagedFile() throws {
        let dir = try TestSupport.scratch()
        let junk = dir.appendingPathComponent("junk.sqlite")
        try Data("this is not a database at all, just some text".utf8).write(to: junk)
        #expect(throws: StoreError.notADatabase(path: junk.path)) { try LabelStore(path: junk.path) }
        _ = try IndexBuild(path: junk.path, rebuild: true).publish()
        let counts = try LabelStore(path: junk.path).counts()
        #expect(counts["documents"] == 0)
    }

    @Test("the summary counts what the ranking finds: sections and documents, with filters and checked short forms")
    func summaryCounts() throws {
        let store = try indexedCorpus()
        let cases: [(String, LabelStore.SearchFilters)] = [
            ("发热", .init()), ("托珠单抗 NOT 地塞米松", .init()), ("热", .init(section: "warnings_and_cautions")),
            ("细胞因子释放综合征", .init()), ("多发性骨髓瘤", .init()), ("CAR-T", .init(drug: "阿基仑赛")), ("独一无二的没有", .init()),
        ]
        for (query, filters) in cases {
            var all = filters
            all.limit = 100_000
            let hits = try store.search(SearchQuery(query), filters: all, fold: fold)
            let summary = try store.searchSummary(SearchQuery(query), filters: filters, fold: fold)
            #expect(summary.sections == hits.count && summary.documents == Set(hits.map(\.path)).count, "\(query)")
        }
    }
}
