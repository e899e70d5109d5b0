import DrugLabel
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
