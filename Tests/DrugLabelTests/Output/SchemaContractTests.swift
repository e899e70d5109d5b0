import DrugLabel
import Foundation
import TestSupport
import Testing

/// The JSON contract in docs/: every golden file, and the output of every Corpus document as
/// the parser writes it now, agree with docs/label.schema.json.
@Suite("The JSON Schema of parse")
struct SchemaContractTests {
    static let schemaURL = TestSupport.repository.appendingPathComponent("docs/label.schema.json")

    static var goldenFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.golden.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    static var corpusNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    func checker() throws -> (SchemaChecker, JSONValue) {
        let schema = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: Self.schemaURL))
        return (SchemaChecker(spec: schema), schema)
    }

    @Test("every golden file agrees with the schema", arguments: goldenFiles)
    func golden(_ name: String) throws {
        let (checker, schema) = try checker()
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: TestSupport.golden.appendingPathComponent(name)))
        let errors = checker.check(value, against: schema)
        #expect(errors.isEmpty, "\(name): \(errors.prefix(5).joined(separator: "; "))")
    }

    @Test("the parse of every Corpus document agrees with the schema", arguments: corpusNames)
    func parsed(_ name: String) throws {
        let (checker, schema) = try checker()
        let value = try JSONDecoder().decode(JSONValue.self, from: LabelJSON.encode(TestSupport.parse(name)))
        let errors = checker.check(value, against: schema)
        #expect(errors.isEmpty, "\(name): \(errors.prefix(5).joined(separator: "; "))")
    }

    @Test("the check finds a broken document: a section key of the wrong type, a dose without its amount")
    func catches() throws {
        let (checker, schema) = try checker()
        guard case .object(var label) = try JSONDecoder().decode(JSONValue.self, from: LabelJSON.encode(TestSupport.parse(TestSupport.labelName))),
              case .array(var sections)? = label["sections"], case .object(var section) = sections[0],
              case .array(var doses)? = label["doses"], case .object(var dose) = doses[0] else {
            Issue.record("the seed label's JSON has sections and doses")
            return
        }
        section["key"] = .number(7)
        sections[0] = .object(section)
        dose["amount"] = nil
        doses[0] = .object(dose)
        label["sections"] = .array(sections)
        label["doses"] = .array(doses)
        let errors = checker.check(.object(label), against: schema)
        #expect(errors.contains { $0.hasPrefix("$.sections[0].key") })
        #expect(errors.contains { $0.hasPrefix("$.doses[0]") && $0.contains("amount") })
    }
}
