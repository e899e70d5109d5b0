import DrugLabel
import Foundation
import TestSupport
import Testing

/// Every input the fuzzer (`druglabel-fuzz`, run in CI) ever crashed or hung on, shrunk by
/// Scripts/minimize-crash.py and kept in Tests/DrugLabelTests/Fixtures/fuzz/: each goes through
/// every step a command takes, as the fuzzer's own `Exercise` does, and must come out as a
/// result or a document's error. A trap here ends the test process, which fails the run.
@Suite("Inputs the fuzzer crashed on")
struct FuzzRegressionTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("fuzz")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()
    }

    @Test("the saved inputs exist")
    func present() {
        #expect(!Self.inputs.isEmpty, "Fixtures/fuzz holds the fuzzer's crash inputs")
    }

    @Test("each saved input is parsed, written, validated and compared without a trap", arguments: inputs)
    func survives(_ name: String) throws {
        let bytes = try LabelFile.read(Self.folder.appendingPathComponent(name).path)
        let parser = try LabelParser()
        let seed = try parser.parseDocument(bytes: TestSupport.bytes(TestSupport.labelName), path: "seed.txt")
        guard let document = try? parser.parseDocument(bytes: bytes, path: name) else { return }
        let label = document.label
        let json = try LabelJSON.encode(label)
        #expect(!json.isEmpty)
        #expect(try LabelJSON.decode(json).sections.count == label.sections.count)
        _ = TextOutline.render(label)
        _ = TableCSV.render(label.tables)
        for table in label.tables { _ = TableGrid.render(table) }
        _ = try? LabelValidator().validate(label, asOf: "2026-01-01")
        _ = try LabelDiffer().diff(seed, document)
        _ = try CrossChecker().check(document, against: seed)
    }
}
