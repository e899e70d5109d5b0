import Foundation
import DrugLabel
import TestSupport
import Testing

@Suite("Golden files")
struct GoldenTests {
    @Test("every corpus document parses to its reviewed golden JSON")
    func corpusAgrees() throws {
        let store = GoldenCorpus(corpus: TestSupport.corpus.path, golden: TestSupport.golden.path)
        let entries = try store.check(parser: LabelParser())
        #expect(entries.count == 5)
        for entry in entries {
            #expect(entry.error == nil, "\(entry.name): \(entry.error ?? "")")
            #expect(entry.expected != nil, "\(entry.name) has no golden file")
            #expect(entry.diff == nil, "\(entry.name) differs from its golden file:\n\(entry.diff ?? "")")
        }
        #expect(try store.orphans().isEmpty)
    }
}

@Suite("JSON contract")
struct ContractTests {
    @Test("the JSON of every corpus document decodes back to the same value")
    func roundTrip() throws {
        for name in TestSupport.expectationNames {
            let label = try TestSupport.parse(name)
            let decoded = try LabelJSON.decode(try LabelJSON.encode(label))
            #expect(decoded == label, "\(name)")
        }
    }

    @Test("the streamed JSON of parse is byte for byte the JSON of one encode")
    func streamedEqualsWhole() throws {
        for name in TestSupport.expectationNames {
            let label = try TestSupport.parse(name)
            var streamed = Data()
            try LabelJSON.write(label) { streamed.append($0) }
            streamed.append(UInt8(ascii: "\n"))
            #expect(streamed == (try LabelJSON.encode(label)), "\(name)")
        }
    }

    @Test("the compact pieces a server streams are byte for byte one compact encode")
    func compactPiecesEqualWhole() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for name in TestSupport.expectationNames {
            let label = try TestSupport.parse(name)
            var pieces = try LabelJSON.Pieces(label, pretty: false)
            var streamed = Data(), count = 0
            while let piece = try pieces.next() { streamed.append(piece); count += 1 }
            #expect(streamed == (try encoder.encode(label)), "\(name)")
            #expect(count > label.sections.count, "\(name): one piece per element at least")
        }
    }

    @Test("a section the catalogue does not know has an explicit null key")
    func nullKey() throws {
        let label = try LabelParser().parse(bytes: Array("【特别提示】\n请注意。\n【禁忌】\n尚不明确。\n".utf8), path: "t.txt")
        let json = String(decoding: try LabelJSON.encode(label), as: UTF8.self)
        #expect(json.contains("\"key\" : null"))
        #expect(try LabelJSON.decode(Data(json.utf8)).sections.first?.key == nil)
    }

    @Test("metadata leaves out keys with no value, empty lists included")
    func noEmptyKeys() throws {
        let json = String(decoding: try LabelJSON.encode(try TestSupport.parse("car-t-risks-and-regulation-review-article")), as: UTF8.self)
        #expect(json.contains("\"metadata\" : {\n\n  }") || json.contains("\"metadata\" : {}"))
    }
}
