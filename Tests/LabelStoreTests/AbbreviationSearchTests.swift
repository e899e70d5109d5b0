import DrugLabel
import Foundation
import GRDB
import LabelIngest
@testable import LabelStore
import TestSupport
import Testing

/// A search expands its terms through the abbreviations documents define; a capital short form
/// found that way counts only where it stands as written and as a whole token (issue 13, item 6:
/// `多发性骨髓瘤` → `MM` must not find the unit `mm3`).
@Suite("Abbreviation expansions in search")
struct AbbreviationSearchTests {
    let fold: TextFold

    init() throws { fold = try TextFold.checked() }

    /// Short label-style documents, each a title and sections.
    static let documents: [String: String] = [
        // Defines MM, then writes it alone, once after a unit in the same paragraph.
        "mm-defined.txt": """
            甲注射液说明书
            【适应症】
            本品适用于治疗既往接受过至少三线治疗的多发性骨髓瘤（MM）成人患者。
            【不良反应】
            基线中性粒细胞计数≥1000/mm3的MM患者中，最常见的不良反应为发热。
            【药理毒理】
            本品在 MM 细胞系中显示活性。
            """,
        // Only the unit.
        "mm-unit.txt": """
            乙细胞注射液说明书
            【不良反应】
            研究要求淋巴细胞计数 500/mm3，血小板计数≥75,000/mm3。
            """,
        // Only a longer token that starts with the letters.
        "mmp.txt": """
            丙单抗注射液说明书
            【药理毒理】
            本品抑制 MMP-9 的表达，降低 SUMM 评分。
            """,
        // Defines CRS.
        "crs-defined.txt": """
            丁注射液说明书
            【警告】
            可发生细胞因子释放综合征（CRS），包括致命的反应。
            【注意事项】
            出现 CRS 时应给予托珠单抗。
            """,
        // Writes only the long form.
        "crs-long.txt": """
            戊注射液说明书
            【注意事项】
            输注后可能出现细胞因子释放综合征，应密切监测。
            """,
        // Only a longer token that starts with the letters CRS.
        "crs-token.txt": """
            己注射液说明书
            【注意事项】
            本品含 CRSP 辅料。
            """,
    ]

    func store() throws -> LabelStore {
        let dir = try TestSupport.scratch()
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for (name, text) in Self.documents {
            try Data((text + "\n").utf8).write(to: docs.appendingPathComponent(name))
        }
        let store = try LabelStore(path: dir.appendingPathComponent("index.sqlite").path)
        let summary = try Indexer(store: store, makeParser: { try LabelParser() }).run([docs.path]) { _ in }
        #expect(summary.added == Self.documents.count && summary.failed.isEmpty)
        return store
    }

    func search(_ store: LabelStore, _ query: String, limit: Int = 1000, offset: Int = 0) throws -> LabelStore.Answer<SearchHit> {
        try store.searchPage(SearchQuery(query), filters: .init(limit: limit, offset: offset), fold: fold)
    }

    func names(_ hits: [SearchHit]) -> Set<String> { Set(hits.map { ($0.path as NSString).lastPathComponent }) }

    @Test("the documents define the abbreviations the tests rely on")
    func definitions() throws {
        let store = try store()
        let defined = try store.pool.read { db in
            try Set(String.fetchAll(db, sql: "SELECT short || '=' || long FROM abbreviations"))
        }
        #expect(defined.contains("MM=多发性骨髓瘤"))
        #expect(defined.contains("CRS=细胞因子释放综合征"))
    }

    @Test("a long form expanded to a capital short form does not find the short form's letters inside other tokens")
    func longFormExpandsToWholeTokens() throws {
        let store = try store()
        let answer = try search(store, "多发性骨髓瘤")
        #expect(names(answer.items) == ["mm-defined.txt"])
        // Every section of the document that holds MM as a word: the definition by its long
        // form, the others through the expansion.
        #expect(Set(answer.items.map(\.heading)) == ["适应症", "不良反应", "药理毒理"])
        // The count is of the sections shown, not of what the full-text index matched.
        #expect(answer.total == answer.items.count)
        let reactions = try #require(answer.items.first { $0.heading == "不良反应" && $0.path.hasSuffix("mm-defined.txt") })
        #expect(reactions.expansion == "多发性骨髓瘤 → MM")
        // The paragraph holds mm3 before MM: the snippet marks the word, not the unit.
        #expect(reactions.highlight.match == "MM")
        #expect(reactions.snippet.contains("«MM»患者"))
        let spaced = try #require(answer.items.first { $0.heading == "药理毒理" && $0.path.hasSuffix("mm-defined.txt") })
        #expect(spaced.snippet.contains(" «MM» 细胞系"))
    }

    @Test("paging and the count agree once sections are left out")
    func pagingAfterCheck() throws {
        let store = try store()
        let all = try search(store, "多发性骨髓瘤")
        var paged: [SearchHit] = []
        for offset in 0..<all.total {
            let page = try search(store, "多发性骨髓瘤", limit: 1, offset: offset)
            #expect(page.total == all.total)
            paged += page.items
        }
        #expect(paged.map(\.path) == all.items.map(\.path) && paged.map(\.heading) == all.items.map(\.heading))
        #expect(try search(store, "多发性骨髓瘤", limit: 10, offset: all.total).items.isEmpty)
    }

    @Test("a short form the user types is matched folded, like any text; only its expansions are checked")
    func shortFormQuery() throws {
        let store = try store()
        let answer = try search(store, "MM")
        #expect(names(answer.items).contains("mm-defined.txt"))
        // Only a term reached through an expansion is checked as a whole token. What the user
        // typed is matched folded like any other text, so that every substring of a document
        // finds it (the recall test): mm3 and MMP-9 hold the letters MM, and are not reached
        // through an expansion.
        #expect(names(answer.items) == ["mm-defined.txt", "mm-unit.txt", "mmp.txt"])
        #expect(answer.items.allSatisfy { $0.expansion == nil })
        #expect(answer.total == answer.items.count)
        // Through the expansion, only the definition's document.
        let viaLong = try search(store, "多发性骨髓瘤")
        #expect(!names(viaLong.items).contains("mm-unit.txt") && !names(viaLong.items).contains("mmp.txt"))
    }

    @Test("a short form finds a document that writes only the long form another document defines")
    func shortFormFindsLongForm() throws {
        let store = try store()
        let crs = try search(store, "CRS")
        #expect(names(crs.items).isSuperset(of: ["crs-defined.txt", "crs-long.txt"]))
        let long = try #require(crs.items.first { $0.path.hasSuffix("crs-long.txt") })
        #expect(long.expansion == "CRS → 细胞因子释放综合征" && long.snippet.contains("«细胞因子释放综合征»"))
        // The long form finds the short form as a word, not inside CRSP.
        let byLong = try search(store, "细胞因子释放综合征")
        #expect(names(byLong.items) == ["crs-defined.txt", "crs-long.txt"])
        let alone = try #require(byLong.items.first { $0.heading == "注意事项" && $0.path.hasSuffix("crs-defined.txt") })
        #expect(alone.expansion == "细胞因子释放综合征 → CRS" && alone.snippet.contains("«CRS»"))
        #expect(byLong.total == byLong.items.count)
    }

    @Test("operators still combine terms whose expansions are checked")
    func operators() throws {
        let store = try store()
        // OR: the unit's document comes in through 血小板, not through MM.
        let either = try search(store, "多发性骨髓瘤 OR 血小板")
        #expect(names(either.items) == ["mm-defined.txt", "mm-unit.txt"])
        // AND: only sections that hold both.
        let both = try search(store, "多发性骨髓瘤 发热")
        #expect(names(both.items) == ["mm-defined.txt"] && both.items.allSatisfy { $0.heading == "不良反应" })
        #expect(try search(store, "多发性骨髓瘤 血小板").total == 0)
        // NOT: an excluded term's short form excludes only where it stands as a word, so the
        // unit's section stays (an odd query, but the one that gives an excluded term expansions).
        let without = try search(store, "计数 NOT 多发性骨髓瘤 OR 多发性骨髓瘤")
        #expect(names(without.items) == ["mm-defined.txt", "mm-unit.txt"])
        #expect(without.total == without.items.count)
    }

    @Test("whole tokens: not next to a Latin letter or digit, as written")
    func wholeTokens() {
        for text in ["多发性骨髓瘤（MM）", "在 MM 中", "MM患者", "MM", "(MM)", "MM-1", "与MM、"] {
            #expect(SearchKey.wholeToken("MM", in: text) != nil, "\(text)")
        }
        for text in ["500/mm3", "MMP-9", "SUMM", "MM3", "mm", "ＭＭ", "AMM", "MMé", "MM²", "ＡMM"] {
            #expect(SearchKey.wholeToken("MM", in: text) == nil, "\(text)")
        }
        #expect(SearchKey.wholeToken("MM", in: "1000/mm3的MM患者") == 9..<11)
        #expect(SearchKey.wholeToken("CAR-T", in: "CAR-T细胞") != nil && SearchKey.wholeToken("CAR-T", in: "CAR-Ts") == nil)
        for form in ["MM", "CRS", "CAR-T", "ICANS", "ZUMA-1"] { #expect(SearchKey.isCapitalShortForm(form), "\(form)") }
        for form in ["IgG", "多发性骨髓瘤", "M", "12", "Cytokine Release Syndrome", "sIL-2R"] {
            #expect(!SearchKey.isCapitalShortForm(form), "\(form)")
        }
    }

    @Test("the query's logic has FTS5's precedence: NOT over AND over OR")
    func precedence() {
        func holds(_ query: String, _ found: Set<String>) -> Bool {
            let terms = SearchQuery(query).searchableTerms(fold: fold)
            return SearchQuery.holds(terms) { found.contains(terms[$0].text) }
        }
        // Each case checked against SQLite's FTS5 on rows a, b, c, "a b", "b c", "a c", "a b c".
        let rows: [Set<String>] = [["a"], ["b"], ["c"], ["a", "b"], ["b", "c"], ["a", "c"], ["a", "b", "c"]]
        let expected: [String: [Int]] = [
            "aaa OR bbb AND ccc": [0, 3, 4, 5, 6], "aaa AND bbb OR ccc": [2, 3, 4, 5, 6],
            "aaa OR bbb NOT ccc": [0, 1, 3, 5, 6], "aaa NOT bbb AND ccc": [5],
            "aaa AND bbb NOT ccc": [3], "aaa NOT bbb OR ccc": [0, 2, 4, 5, 6],
        ]
        for (query, indexes) in expected {
            let long = rows.map { Set($0.map { String(repeating: $0, count: 3) }) }
            let found = long.indices.filter { holds(query, long[$0]) }
            #expect(found == indexes, "\(query)")
        }
    }

    @Test("on the corpus, every query through abbreviations finds the sections a reading of every paragraph finds, and counts them")
    func corpusAgreesWithReading() throws {
        let dir = try TestSupport.scratch()
        let store = try LabelStore(path: dir.appendingPathComponent("index.sqlite").path)
        _ = try Indexer(store: store, makeParser: { try LabelParser() }).run([TestSupport.corpus.path]) { _ in }
        let (forms, paragraphs) = try store.pool.read { db in
            var reader = ParagraphReader(storePath: store.path)
            var paragraphs: [Int64: [(text: String, folded: String)]] = [:]
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM sections") {
                var section = SectionText(try reader.paragraphs(section: id, db: db), fold: fold)
                paragraphs[id] = section.paragraphs.indices.map { (section.paragraphs[$0].text, section.folded($0)) }
            }
            return (try Row.fetchAll(db, sql: "SELECT DISTINCT short, long FROM abbreviations ORDER BY short, long"), paragraphs)
        }
        var queries: [String] = []
        for row in forms {
            let short: String = row["short"], long: String = row["long"]
            queries += [short, "\"\(long)\"", "\"\(long)\" 患者", "\"\(long)\" OR 发热", "\"\(long)\" NOT 发热", "发热 NOT \"\(long)\" OR \"\(long)\""]
        }
        var checked = 0, differing = 0
        for query in Set(queries).sorted() {
            guard let plan = try? store.plan(SearchQuery(query), filters: .init(), fold: fold) else { continue }
            let answer = try store.searchPage(SearchQuery(query), filters: .init(limit: 10_000), fold: fold)
            let found = try store.pool.read { db in
                try Set(Row.fetchAll(db, sql: "SELECT s.id, d.path, s.heading FROM sections s JOIN documents d ON d.id = s.document_id").compactMap { row -> String? in
                    let held = plan.forms.map { forms in (paragraphs[row["id"]] ?? []).contains { p in forms.found(text: p.text) { p.folded } } }
                    return SearchQuery.holds(plan.terms) { held[$0] } ? "\(row["path"] as String)#\(row["heading"] as String)" : nil
                })
            }
            let searched = Set(answer.items.map { "\($0.path)#\($0.heading)" })
            #expect(searched == found, "\(query): \(searched.symmetricDifference(found).sorted())")
            #expect(answer.total == answer.items.count, "\(query)")
            if plan.suspects != nil { checked += 1 }
            if searched != found { differing += 1 }
        }
        // The corpus defines MM, CR, OS, PD… whose folded letters are everywhere.
        #expect(checked > 50 && differing == 0)
    }
}
