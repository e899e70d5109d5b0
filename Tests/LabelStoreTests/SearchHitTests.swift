import DrugLabel
import Foundation
import LabelIngest
@testable import LabelStore
import TestSupport
import Testing

/// What a hit says on the Corpus: every text searchable (boxed warning, article, application
/// fields), the kind, the line of the match, the occurrences, the marks; and the command line's
/// checks of its options.
@Suite("Search hits")
struct SearchHitTests {
    let fold: TextFold
    init() throws { fold = try TextFold.checked() }

    static let all = LabelStore.SearchFilters(limit: 10_000)

    func corpusIndex() throws -> LabelStore {
        let db = try TestSupport.scratch().appendingPathComponent("i.sqlite").path
        let build = try IndexBuild(path: db, rebuild: false)
        let summary = try Indexer(build: build, makeParser: { try LabelParser() }).run([TestSupport.corpus.path]) { _ in }
        #expect(summary.added == 5 && summary.failed.isEmpty)
        return try build.publish()
    }

    func name(_ hit: SearchHit) -> String { ((hit.path as NSString).lastPathComponent as NSString).deletingPathExtension }

    func sourceLine(_ hit: SearchHit) throws -> String {
        let lines = try String(contentsOfFile: hit.path, encoding: .utf8).components(separatedBy: "\n")
        return lines[hit.line - 1]
    }

    @Test("the boxed warning is a section of its own: searchable, filterable by boxed_warning")
    func boxedWarning() throws {
        let store = try corpusIndex()
        let hits = try store.search(SearchQuery("继发性血液系统恶性肿瘤"), filters: SearchHitTests.all, fold: fold)
        let box = try #require(hits.first { $0.section == "boxed_warning" })
        #expect(name(box) == TestSupport.labelName && box.kind == "label")
        #expect(try sourceLine(box).contains("继发性血液系统恶性肿瘤"))
        let only = try store.search(SearchQuery("托珠单抗"), filters: .init(section: "boxed_warning", limit: 100), fold: fold)
        #expect(!only.isEmpty && only.allSatisfy { $0.section == "boxed_warning" })
    }

    @Test("an article's paragraphs and an application's every field are searchable, with the document's kind")
    func everyText() throws {
        let store = try corpusIndex()
        let chimeric = try store.search(SearchQuery("Chimeric"), filters: SearchHitTests.all, fold: fold)
        let article = try #require(chimeric.first { $0.kind == "article" })
        #expect(name(article) == "car-t-risks-and-regulation-review-article" && article.section == nil)
        #expect(try sourceLine(article).contains("Chimeric"))
        let field = try store.search(SearchQuery("功能主治发生重大变化"), filters: SearchHitTests.all, fold: fold)
        let application = try #require(field.first { name($0) == "axicabtagene-ciloleucel-nrdl-application-2023" })
        #expect(application.kind == "application" && application.section == nil && application.occurrences >= 1)
        // Wrapped after 功: the match starts on the first of its two lines.
        #expect(application.line == 89 && application.highlight.match.hasPrefix("功"))
        let byKind = try store.search(SearchQuery("Chimeric"), filters: .init(kind: "article", limit: 100), fold: fold)
        #expect(!byKind.isEmpty && byKind.allSatisfy { $0.kind == "article" })
    }

    @Test("a hit's line is the line of its match; paragraphLine is where its paragraph starts")
    func matchLine() throws {
        let store = try corpusIndex()
        let hits = try store.search(SearchQuery("適應症"), filters: SearchHitTests.all, fold: fold)
        let label = try #require(hits.first { name($0) == TestSupport.labelName && $0.section == "indications_and_usage" })
        #expect(label.line == 68 && label.paragraphLine == 66)
        // Every label hit of a few queries: the match's first character stands on the line named.
        // (An application's value that its reader put together from lines that are not
        // adjacent gets lines by alignment, which can be off: not checked here.)
        var checked = 0
        for query in ["托珠单抗", "CRS", "发热", "细胞因子释放综合征", "LBCL", "适应症"] {
            for hit in try store.search(SearchQuery(query), filters: SearchHitTests.all, fold: fold)
            where !hit.highlight.match.isEmpty && hit.kind == "label" {
                let first = try #require(hit.highlight.match.first)
                #expect(try sourceLine(hit).contains(first), "\(query): \(hit.path):\(hit.line) «\(hit.highlight.match)»")
                #expect(hit.paragraphLine <= hit.line)
                checked += 1
            }
        }
        #expect(checked > 15)
    }

    @Test("occurrences count the query in the whole section; the match is marked « », not with a label's 【】")
    func occurrencesAndMarks() throws {
        let store = try corpusIndex()
        let label = try TestSupport.parse(TestSupport.labelName)
        let hits = try store.search(SearchQuery("托珠单抗"), filters: SearchHitTests.all, fold: fold)
        var compared = 0
        for hit in hits where name(hit) == TestSupport.labelName {
            #expect(hit.snippet == hit.highlight.before + "«" + hit.highlight.match + "»" + hit.highlight.after)
            #expect(hit.highlight.match == "托珠单抗")
            guard let key = hit.section, key != "boxed_warning", let section = label.section(key) else { continue }
            #expect(hit.occurrences == section.text.components(separatedBy: "托珠单抗").count - 1, "\(key)")
            compared += 1
        }
        #expect(compared >= 2 && hits.contains { $0.occurrences > 1 })
    }
}
