import ArgumentParser
import DrugLabel
import Foundation

/// The rule files a domain expert may swap in without rebuilding: each defaults to the copy
/// compiled into the binary (Sources/DrugLabel/Resources).
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("sections"), help: "A section catalogue to use instead of the built-in sections.json.")
    var sectionsFile: String?

    @Option(name: .customLong("form-fields"), help: "Form field names to use instead of the built-in form-fields.json.")
    var formFieldsFile: String?

    @Option(name: .customLong("text-rules"), help: "Text rules to use instead of the built-in text-rules.json.")
    var textRulesFile: String?

    @Option(name: .customLong("table-rules"), help: "Table rules to use instead of the built-in tables.json.")
    var tableRulesFile: String?

    @Option(name: .customLong("dosing-rules"), help: "Dosing rules to use instead of the built-in dosing.json.")
    var dosingRulesFile: String?

    /// `failure` is the status a rule file that cannot be read ends the run with: 2 (trouble)
    /// for the commands that compare or check, 1 for the others.
    func makeParser(failure: ExitCode = ExitCode(1)) throws -> LabelParser {
        let catalogue = try sectionsFile.map { path in try load(path, failure) { try SectionCatalogue(json: $0) } } ?? .standard
        let vocabulary = try formFieldsFile.map { path in try load(path, failure) { try FormVocabulary(json: $0) } } ?? .standard
        let rules = try textRulesFile.map { path in try load(path, failure) { try TextRules(json: $0) } } ?? .standard
        let tableRules = try tableRulesFile.map { path in try load(path, failure) { try TableRules(json: $0) } } ?? .standard
        let dosingRules = try dosingRulesFile.map { path in try load(path, failure) { try DosingRules(json: $0) } } ?? .standard
        return try LabelParser(catalogue: catalogue, rules: rules, vocabulary: vocabulary, tableRules: tableRules,
                               dosingRules: dosingRules)
    }

    /// The parser and one document read with it; a document that cannot be read ends the run
    /// with `druglabel: error: FILE: reason`.
    func parseOne(_ file: String) throws -> (parser: LabelParser, label: Label) {
        let parser = try makeParser()
        do { return (parser, try parser.parse(fileAt: file)) } catch {
            Console.error("\(file): \(error)")
            throw ExitCode(1)
        }
    }

    /// A document with its source lines (for the comparisons); one that cannot be read ends the
    /// run with `druglabel: error: FILE: reason`.
    func readDocument(_ path: String, with parser: LabelParser, failure: ExitCode = ExitCode(1)) throws -> ParsedDocument {
        do {
            return try parser.parseDocument(bytes: LabelFile.read(path), path: path)
        } catch {
            Console.error("\(path): \(error)")
            throw failure
        }
    }

    /// A rule file that cannot be read or decoded stops the run before any document is read.
    private func load<T>(_ path: String, _ failure: ExitCode, _ make: (Data) throws -> T) throws -> T {
        do {
            return try make(Data(LabelFile.read(path)))
        } catch let error as InputError {
            Console.error("\(path): \(error)")
        } catch {
            Console.error("\(path): not a valid rule file: \(error)")
        }
        throw failure
    }
}
