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

    @Option(name: .customLong("metadata-rules"), help: "Metadata rules to use instead of the built-in metadata.json.")
    var metadataRulesFile: String?

    /// The rules with each file given in place of its bundled copy, every file read once.
    /// `failure` is the status a rule file that cannot be read ends the run with: 2 (trouble)
    /// for the commands that compare or check, 1 for the others.
    func ruleSet(failure: ExitCode = ExitCode(1)) throws -> RuleSet {
        let given: [(RuleSet.File, String?)] = [(.sections, sectionsFile), (.formFields, formFieldsFile), (.text, textRulesFile),
                                                (.tables, tableRulesFile), (.dosing, dosingRulesFile), (.metadata, metadataRulesFile)]
        var edited: [RuleSet.File: [UInt8]] = [:]
        var paths: [RuleSet.File: String] = [:]
        for case let (file, path?) in given {
            do { edited[file] = try LabelFile.read(path) } catch {
                Console.error("\(path): \(error)")
                throw failure
            }
            paths[file] = path
        }
        do { return try RuleSet(edited: edited) } catch let error as RuleFileError {
            // A rule file that cannot be decoded stops the run before any document is read.
            Console.error("\(paths[error.file] ?? error.file.rawValue): not a valid rule file: \(error.reason)")
            throw failure
        }
    }

    func makeParser(failure: ExitCode = ExitCode(1)) throws -> LabelParser {
        try LabelParser(ruleSet: ruleSet(failure: failure))
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
}
