import DrugLabel
import Foundation
import LabelIngest
@testable import LabelStore
import TestSupport
import Testing

/// `export`: every line of the Corpus valid against docs/export.schema.json, sections in
/// document order, tables as tables, and the documents read from the index alone.
@Suite("Export")
struct ExportSchemaTests {
    func exportedCorpus() throws -> (lines: [[String: Any]], docs: URL) {
        let docs = try TestSupport.scratch().appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.path) where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: TestSupport.corpus.appendingPathComponent(name), to: docs.appendingPathComponent(name))
        }
        let build = try IndexBuild(path: docs.deletingLastPathComponent().appendingPathComponent("i.sqlite").path, rebuild: false)
        _ = try Indexer(build: build, makeParser: { try LabelParser() }).run([docs.path]) { _ in }
        let store = try build.publish()
        // Exported from the index alone: the files are gone.
        try FileManager.default.removeItem(at: docs)
        var lines: [[String: Any]] = []
        try store.export { data in
            #expect(!data.contains(UInt8(ascii: "\n")))
            lines.append(try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
        }
        return (lines, docs)
    }

    @Test("every export line of the Corpus is valid against docs/export.schema.json")
    func schema() throws {
        let schemaData = try Data(contentsOf: TestSupport.repository.appendingPathComponent("docs/export.schema.json"))
        let schema = try JSONDecoder().decode(JSONValue.self, from: schemaData)
        let checker = SchemaChecker(spec: schema)
        let (lines, _) = try exportedCorpus()
        #expect(lines.count == 5)
        for line in lines {
            let value = try JSONDecoder().decode(JSONValue.self, from: JSONSerialization.data(withJSONObject: line))
            let errors = checker.check(value, against: schema)
            #expect(errors.isEmpty, "\(line["path"] ?? "?"): \(errors.prefix(5))")
        }
        // The checker itself refuses what the schema forbids.
        var broken = lines[0]
        broken["schemaVersion"] = 1
        broken["metadata"] = ["genericName": "x"]
        let value = try JSONDecoder().decode(JSONValue.self, from: JSONSerialization.data(withJSONObject: broken))
        #expect(checker.check(value, against: schema).count >= 2)
    }

    @Test("a section's text is its paragraphs in document order, without its tables; tables are rows of cells")
    func documentOrder() throws {
        let (lines, _) = try exportedCorpus()
        let line = try #require(lines.first { ($0["path"] as? String)?.hasSuffix(TestSupport.labelName + ".txt") == true })
        #expect(line["schema_version"] as? Int == LabelStore.exportSchemaVersion)
        let parser = try LabelParser()
        let document = try parser.parseDocument(bytes: TestSupport.bytes(TestSupport.labelName), path: "x")
        var compared = 0
        for section in document.label.sections {
            guard let key = section.key, document.label.sections.filter({ $0.key == key }).count == 1 else { continue }
            let tables = document.label.tables.filter { section.span.startLine <= $0.span.startLine && $0.span.startLine <= section.span.endLine }
            let expected = section.paragraphs.filter { p in
                !p.text.isEmpty && !tables.contains { $0.span.startLine <= p.span.startLine && p.span.startLine <= $0.span.endLine }
            }.map(\.text).joined(separator: "\n")
            #expect((line[key] as? [String]) == [expected], "\(key)")
            if !tables.isEmpty {
                let exported = try #require(line[key + "_table"] as? [[String: Any]], "\(key)_table")
                #expect(exported.map { $0["id"] as? String } == tables.map(\.id))
                for (e, t) in zip(exported, tables) {
                    let rows = try #require(e["rows"] as? [[String: Any]])
                    #expect(rows.map { $0["cells"] as? [String] ?? [] } == t.rows.map { $0.cells.map(\.raw) })
                }
            }
            compared += 1
        }
        #expect(compared > 10)
        #expect(line["adverse_reactions_table"] != nil && line["boxed_warning"] != nil)
        let metadata = try #require(line["metadata"] as? [String: Any])
        #expect(metadata["generic_name"] as? String == document.label.metadata.genericName)
        let article = try #require(lines.first { $0["kind"] as? String == "article" })
        #expect((article["text"] as? [String])?.contains { $0.contains("Chimeric") } == true)
        let application = try #require(lines.first { $0["kind"] as? String == "application" })
        #expect(((application["fields"] as? [[String: Any]])?.count ?? 0) > 10)
    }
}
