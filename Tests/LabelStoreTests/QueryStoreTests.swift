import DrugLabel
import Foundation
import LabelIngest
import LabelStore
import TestSupport
import Testing

/// The structured queries of the index, checked against the parser's own reading of the corpus:
/// what the index answers is what parsing the files says, no more, no less, in document order.
@Suite("Structured queries")
struct QueryStoreTests {
    /// One index of the corpus for the suite: the queries only read it.
    static let indexed: Result<LabelStore, any Error> = Result {
        let dir = try TestSupport.scratch()
        let store = try LabelStore(path: dir.appendingPathComponent("index.sqlite").path)
        _ = try Indexer(store: store, makeParser: { try LabelParser() }).run([TestSupport.corpus.path]) { _ in }
        return store
    }

    /// Every adverse-reaction row of the corpus, as the parser reads the files, keyed by file name
    /// and first line.
    static func parsedRows() throws -> [(file: String, row: AdverseReactionRow)] {
        let parser = try LabelParser()
        return try Indexer.files(under: TestSupport.corpus.path).flatMap { path in
            try parser.parse(fileAt: path).tables.flatMap { $0.adverseReactionRows() }.map { ((path as NSString).lastPathComponent, $0) }
        }
    }

    func keys(_ hits: [LabelStore.ReactionHit]) -> [String] {
        hits.map { "\(($0.path as NSString).lastPathComponent):\($0.row.span.startLine)" }
    }

    @Test("a grade-3 threshold alone: exactly the rows with some arm at or over it")
    func thresholdAlone() throws {
        let store = try Self.indexed.get()
        let hits = try store.adverseReactions(.init(minGrade3: 20), fold: TextFold.checked()).items
        let expected = try Self.parsedRows().filter { $0.row.arms.contains { ($0.grade3OrWorse ?? -1) >= 20 } }
        #expect(Set(keys(hits)) == Set(expected.map { "\($0.file):\($0.row.span.startLine)" }))
        #expect(hits.count == expected.count)
        #expect(hits.allSatisfy { $0.row.arms.contains { ($0.grade3OrWorse ?? -1) >= 20 } })
        // Read off the seed's table 1: 发热 100 46 86 16 (line 269); 发热 e 93 9 (line 582) is under.
        let fever = try #require(hits.first { $0.row.span.startLine == 269 })
        #expect(fever.row.term == "发热" && fever.table == "表 1" && fever.row.arms.map(\.grade3OrWorse) == [46, 16])
        #expect(!keys(hits).contains("\(TestSupport.labelName).txt:582"))
    }

    @Test("an all-grade threshold and a grade-3 threshold hold in the same arm")
    func bothThresholds() throws {
        let store = try Self.indexed.get()
        let hits = try store.adverseReactions(.init(minAll: 80, minGrade3: 40), fold: TextFold.checked()).items
        let expected = try Self.parsedRows().filter { r in
            r.row.arms.contains { ($0.allGrades ?? -1) >= 80 && ($0.grade3OrWorse ?? -1) >= 40 }
        }
        #expect(!expected.isEmpty && Set(keys(hits)) == Set(expected.map { "\($0.file):\($0.row.span.startLine)" }))
        // 发热 has 100/46 in one arm: in; 86/16 in the other would not be.
        #expect(keys(hits).contains("\(TestSupport.labelName).txt:269"))
    }

    @Test("a term is found inside longer terms, folded; the old exact lookup still answers one term")
    func termContained() throws {
        let store = try Self.indexed.get()
        let parser = try LabelParser()
        let contained = try store.adverseReactions(.init(term: "发热"), fold: parser.fold)
        let terms = Set(contained.items.map(\.row.term))
        #expect(terms.contains("发热") && terms.contains { $0.hasPrefix("发热性中性粒细胞减少") })
        #expect(contained.items.allSatisfy { $0.row.term.contains("发热") })
        let expected = try Self.parsedRows().filter { parser.fold($0.row.term).contains(parser.fold("发热")) }
        #expect(contained.total == expected.count)
        let traditional = try store.adverseReactions(.init(term: "發熱"), fold: parser.fold)
        #expect(keys(traditional.items) == keys(contained.items))

        let severe = try store.adverseReactions(.init(term: "发热", minGrade3: 20), fold: parser.fold).items
        #expect(severe.count > 1 && severe.contains { $0.row.term != "发热" })
        let exact = try store.adverseReactions(term: "发热", minAll: nil, minGrade3: 20, fold: parser.fold)
        #expect(exact.total == 1 && exact.items.first?.row.span.startLine == 269)
        #expect(try store.adverseReactions(.init(term: "不存在的反应"), fold: parser.fold).total == 0)
    }

    @Test("rows come in document order, and a page is a slice of the whole answer")
    func orderAndPaging() throws {
        let store = try Self.indexed.get()
        let parser = try LabelParser()
        let all = try store.adverseReactions(.init(minAll: 0), fold: parser.fold)
        let withAll = try Self.parsedRows().filter { r in r.row.arms.contains { $0.allGrades != nil } }
        #expect(all.total == all.items.count && all.total == withAll.count)
        for path in Set(all.items.map(\.path)) {
            let lines = all.items.filter { $0.path == path }.map(\.row.span.startLine)
            #expect(lines == lines.sorted(), "\(path) rows out of line order")
        }
        let page = try store.adverseReactions(.init(minAll: 0), page: .init(limit: 3, offset: 2), fold: parser.fold)
        #expect(page.total == all.total && keys(page.items) == Array(keys(all.items)[2..<5]))
    }

    @Test("doses come in line order within each document")
    func dosesInLineOrder() throws {
        let store = try Self.indexed.get()
        let doses = try store.doses(drug: nil, unit: nil, per: nil, fold: TextFold.checked()).items
        #expect(doses.count > 10)
        for path in Set(doses.map(\.path)) {
            let lines = doses.filter { $0.path == path }.map(\.dose.span.startLine)
            #expect(lines == lines.sorted(), "\(path) doses out of line order")
        }
        let paths = doses.map(\.path)
        #expect(paths == paths.sorted())
    }
}
