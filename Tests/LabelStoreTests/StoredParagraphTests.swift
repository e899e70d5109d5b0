import DrugLabel
import Foundation
import GRDB
@testable import LabelStore
import TestSupport
import Testing

/// Paragraphs kept as cuts of the stored source, read back; the full-text index kept in step
/// with folding when a document is removed.
@Suite("Stored paragraphs")
struct StoredParagraphTests {
    let fold: TextFold

    init() throws {
        fold = try TextFold.checked()
    }

    /// Every section's paragraphs as the index gives them back, by path, in section order.
    static func storedParagraphs(_ store: LabelStore, path: String) throws -> [[String]] {
        try store.pool.read { db in
            var reader = ParagraphReader(storePath: store.path)
            return try Int64.fetchAll(db, sql: "SELECT s.id FROM sections s JOIN documents d ON d.id = s.document_id WHERE d.path = ? ORDER BY s.ordinal",
                                      arguments: [path]).map { try reader.paragraphs(section: $0, db: db).map(\.text) }
        }
    }

    @Test("a section's filter tokens keep the letters of its key and kind, lowered, as Unicode lowers them")
    func filterTokens() {
        #expect(SearchKey.filterTokens(section: "dosage_and_administration", kind: "label") == "\u{1}xxsecdosageandadministration xxkindlabel")
        #expect(SearchKey.filterTokens(section: nil, kind: "Article") == "\u{1}xxsecnone xxkindarticle")
        // Outside ASCII the full mapping: the Kelvin sign lowers to `k`, `É` to a letter that is not kept.
        #expect(SearchKey.filterTokens(section: "\u{212A}ey_É", kind: "label") == "\u{1}xxseckey xxkindlabel")
    }

    @Test("UTF-16 with CRLF and GB18030 with CR: paragraphs read back from cuts as the parser made them, lines included")
    func encodings() throws {
        let dir = try TestSupport.scratch()
        let text = String(decoding: try TestSupport.bytes(TestSupport.labelName), as: UTF8.self)
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n"), cr = text.replacingOccurrences(of: "\n", with: "\r")
        let variants: [(String, [UInt8])] = [
            ("utf16.txt", [0xFF, 0xFE] + Array(crlf.data(using: .utf16LittleEndian) ?? Data())),
            ("gb18030.txt", try TextEncoding.encode(cr, as: "GB18030")),
        ]
        for (name, bytes) in variants { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let (store, _) = try StoreRobustnessTests.index([dir.path], into: dir.appendingPathComponent("i.sqlite").path)
        let cut = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM paragraphs WHERE cuts IS NOT NULL") ?? 0 }
        #expect(cut > 100)
        for (name, _) in variants {
            let path = dir.appendingPathComponent(name).path
            let document = try #require(try store.storedDocument(path: path))
            let expected = SearchableText.parts(of: document.label, lines: document.lines).map { $0.paragraphs.map(\.text) }
            #expect(try StoredParagraphTests.storedParagraphs(store, path: path) == expected, "\(name)")
            // A hit's line comes from the line starts the cuts give back.
            let hit = try #require(try store.search(SearchQuery("地塞米松"), filters: .init(limit: 1000), fold: fold).first { $0.path == path })
            #expect(document.lines.first { $0.number == hit.line }?.text.contains("地塞米松") == true, "\(name): line \(hit.line)")
        }
    }

    @Test("a folder's PDF, .docx and web page are indexed, their paragraphs cut from the text they were read into")
    func documents() throws {
        let dir = try TestSupport.scratch()
        let fixtures = TestSupport.fixtures.appendingPathComponent("documents")
        for ext in ["pdf", "docx", "html"] {
            let name = "\(TestSupport.labelName).\(ext)"
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let (store, _) = try StoreRobustnessTests.index([dir.path], into: dir.appendingPathComponent("i.sqlite").path)
        for ext in ["pdf", "docx", "html"] {
            let path = dir.appendingPathComponent("\(TestSupport.labelName).\(ext)").path
            let document = try #require(try store.storedDocument(path: path), "\(ext)")
            #expect(document.label.source.format.rawValue == ext)
            #expect(document.label.origins != nil, "\(ext): the stored file is read again as the document it is")
            let expected = SearchableText.parts(of: document.label, lines: document.lines).map { $0.paragraphs.map(\.text) }
            #expect(try StoredParagraphTests.storedParagraphs(store, path: path) == expected, "\(ext)")
            let hit = try #require(try store.search(SearchQuery("地塞米松"), filters: .init(limit: 1000), fold: fold).first { $0.path == path }, "\(ext)")
            #expect(document.lines.first { $0.number == hit.line }?.text.contains("地塞米松") == true, "\(ext): line \(hit.line)")
        }
    }

    @Test("cuts that do not fit the stored source are a damaged index, said with the way out")
    func damagedCuts() throws {
        let dir = try TestSupport.scratch()
        let (store, _) = try StoreRobustnessTests.index([TestSupport.corpusPath(TestSupport.labelName)], into: dir.appendingPathComponent("i.sqlite").path)
        try store.pool.write { db in try db.execute(sql: "UPDATE paragraphs SET cuts = '999999:0:5' WHERE cuts IS NOT NULL") }
        #expect(throws: StoreError.self) { try store.search(SearchQuery("地塞米松"), filters: .init(), fold: fold) }
        do {
            _ = try store.search(SearchQuery("地塞米松"), filters: .init(), fold: fold)
        } catch let error as StoreError {
            #expect(error.description.contains("cannot be read back") && error.description.contains("--rebuild"))
        }
    }

    @Test("a section whose tokens no longer fold as stored (folding changed) makes the full-text index again on removal")
    func foldingDrift() throws {
        let dir = try TestSupport.scratch()
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: TestSupport.corpus.appendingPathComponent(name), to: docs.appendingPathComponent(name))
        }
        let db = dir.appendingPathComponent("i.sqlite").path
        let (store, _) = try StoreRobustnessTests.index([docs.path], into: db)
        let changed = docs.appendingPathComponent(TestSupport.labelName + ".txt")
        // As if the label had been indexed by a druglabel that folded otherwise: its sections'
        // tokens in the full-text index are not what folding makes of their text today.
        let fold = self.fold
        try store.pool.write { db in
            var reader = ParagraphReader(storePath: store.path)
            let sections = try Row.fetchAll(db, sql: """
                SELECT s.id, s.key, d.kind FROM sections s JOIN documents d ON d.id = s.document_id WHERE d.path = ?
                """, arguments: [changed.path])
            for section in sections {
                let id: Int64 = section["id"]
                let texts = try reader.paragraphs(section: id, db: db).map(\.text)
                let today = SearchKey.indexed(paragraphs: texts, section: section["key"], kind: section["kind"], fold: fold)
                let then = SearchKey.indexed(paragraphs: texts.map { $0.replacingOccurrences(of: "托珠单抗", with: "旧词旧词") },
                                             section: section["key"], kind: section["kind"], fold: fold)
                try db.execute(sql: "INSERT INTO section_index (section_index, rowid, grams) VALUES ('delete', ?, ?)", arguments: [id, today])
                try db.execute(sql: "INSERT INTO section_index (rowid, grams) VALUES (?, ?)", arguments: [id, then])
                try db.execute(sql: "UPDATE sections SET grams_crc = ? WHERE id = ?", arguments: [Zlib.crc32(Array(then.utf8)), id])
            }
        }
        #expect(try store.searchPage(SearchQuery("旧词旧词"), filters: .init(), fold: fold).total > 0)
        try (try String(contentsOf: changed, encoding: .utf8) + "\n【贮藏】\n独一无二的贮藏条件。\n").write(to: changed, atomically: true, encoding: .utf8)
        let (updated, summary) = try StoreRobustnessTests.index([docs.path], into: db)
        #expect(summary.replaced == 1)
        // Removing the old tokens by today's folding would have left these behind.
        #expect(try updated.searchPage(SearchQuery("旧词旧词"), filters: .init(), fold: fold).total == 0)
        // The index answers as one made from scratch, and every section has its CRC again.
        let (fresh, _) = try StoreRobustnessTests.index([docs.path], into: dir.appendingPathComponent("fresh.sqlite").path)
        for query in ["独一无二", "托珠单抗", "发热", "CRS", "適應症", "热"] {
            let a = try updated.search(SearchQuery(query), filters: .init(limit: 10_000), fold: fold).map { "\($0.path)#\($0.heading)#\($0.line)" }
            let b = try fresh.search(SearchQuery(query), filters: .init(limit: 10_000), fold: fold).map { "\($0.path)#\($0.heading)#\($0.line)" }
            #expect(Set(a) == Set(b) && !a.isEmpty, "\(query)")
        }
        let missing = try updated.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sections WHERE grams_crc IS NULL OR grams_crc = 0") }
        #expect(missing == 0)
    }

    @Test("cuts give back every paragraph of the Corpus and labels-dev, text and line starts, and cover nearly all of them; tokens agree on both paths")
    func cutsReadBack() throws {
        let parser = try LabelParser()
        let folders = [TestSupport.corpus, TestSupport.labelsDev.appendingPathComponent("labels")]
        var paragraphs = 0, cut = 0
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? [] where name.hasSuffix(".txt") {
                let path = folder.appendingPathComponent(name).path
                let bytes = try LabelFile.read(path)
                let document = try parser.parseDocument(bytes: bytes, path: path)
                let lines = try #require(RawLines(source: bytes, path: path))
                for part in SearchableText.parts(of: document.label, lines: document.lines) {
                    // Written and made again on reindexing by two paths: their tokens must agree.
                    let texts = part.paragraphs.map(\.text), kind = document.label.kind.rawValue
                    #expect(SearchKey.indexed(paragraphs: texts, section: part.key, kind: kind, fold: fold)
                        == SearchKey.indexed(folded: SearchKey.foldedParagraphs(texts, fold: fold), section: part.key, kind: kind), "\(name)")
                    for p in part.paragraphs {
                        paragraphs += 1
                        guard let cuts = ParagraphCuts.make(text: p.text, lineStarts: p.lineStarts, lines: lines) else { continue }
                        cut += 1
                        let starts = p.lineStarts.count > 1 ? p.lineStarts.dropFirst().map { "\($0.offset):\($0.line)" }.joined(separator: ",") : nil
                        let back = ParagraphCuts.read(cuts, lines: lines)
                        #expect(back?.text == p.text && back?.lineStarts == starts, "\(name): \(cuts)")
                    }
                }
            }
        }
        #expect(paragraphs > 3_000)
        #expect(Double(cut) / Double(paragraphs) > 0.95, "\(cut) of \(paragraphs) paragraphs cut")
    }

    @Test("line starts that do not start at 0, go back or run past the text give no cuts")
    func cutsRefuseBadStarts() throws {
        let lines = RawLines(text: "第一行文字\n第二行文字\n")
        typealias Start = SearchableText.LineStart
        #expect(ParagraphCuts.make(text: "第一行文字第二行文字", lineStarts: [Start(offset: 0, line: 1), Start(offset: 5, line: 2)], lines: lines)
            == "1:0:15,2:0:15")
        #expect(ParagraphCuts.make(text: "行文字第二行", lineStarts: [Start(offset: 0, line: 1), Start(offset: 3, line: 2)], lines: lines)
            == "1:6:15,2:0:9")
        #expect(ParagraphCuts.make(text: "第一行文字", lineStarts: [Start(offset: 1, line: 1)], lines: lines) == nil)
        #expect(ParagraphCuts.make(text: "第一行文字第二行文字", lineStarts: [Start(offset: 0, line: 1), Start(offset: 11, line: 2)], lines: lines) == nil)
        #expect(ParagraphCuts.make(text: "第一行文字第二行文字", lineStarts: [Start(offset: 0, line: 1), Start(offset: 5, line: 2), Start(offset: 4, line: 2)], lines: lines) == nil)
        #expect(ParagraphCuts.make(text: "第一行文字", lineStarts: [Start(offset: 0, line: 3)], lines: lines) == nil)
        #expect(ParagraphCuts.make(text: "不在行中", lineStarts: [Start(offset: 0, line: 1)], lines: lines) == nil)
        #expect(ParagraphCuts.make(text: "第一行文字", lineStarts: [], lines: lines) == nil)
    }
}
