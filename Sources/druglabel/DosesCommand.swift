import ArgumentParser
import DrugLabel
import Foundation

struct DosesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doses",
        abstract: "List the dosing statements of documents, each with its source line.",
        discussion: "text is a table to read at a glance; json is the doses of `parse` (an object per file: path and doses); csv is one line per dose."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Argument(help: "Label, application or slides text files.")
    var files: [String]

    @Option(help: "text, json or csv.")
    var format: Format = .text

    @Option(help: "Only doses of this drug (either name contains the other, folded: 地塞米松, 本品).")
    var drug: String?

    @OptionGroup var rules: RuleOptions

    struct FileDoses: Encodable {
        var path: String
        var doses: [Dose]
    }

    func run() throws {
        let parser = try rules.makeParser()
        var failed = 0
        var results: [FileDoses] = []
        var csvHeaderWritten = false
        for path in files {
            do {
                let label = try parser.parse(fileAt: path)
                var doses = Self.inLineOrder(label.doses)
                if let drug { doses = doses.filter { parser.sameDrug($0.drug, drug, in: label) } }
                switch format {
                case .text:
                    if !results.isEmpty { Console.out("\n") }
                    Console.out("\(path)  \(doses.count) dose(s)\n")
                    if !doses.isEmpty { Console.out(Columns.render(header: DoseTable.header, rows: DoseTable.rows(doses))) }
                case .csv:
                    var text = DoseTable.csv(doses, file: path)
                    if csvHeaderWritten, let firstBreak = text.range(of: "\r\n") { text = String(text[firstBreak.upperBound...]) }
                    csvHeaderWritten = true
                    Console.out(text)
                case .json:
                    break
                }
                results.append(FileDoses(path: path, doses: doses))
            } catch {
                Console.error("\(path): \(error)")
                failed += 1
            }
        }
        if format == .json { Console.out(try LabelJSON.encode(results)) }
        if failed > 0 { throw ExitCode(1) }
    }

    /// The reader finds doses rule by rule, not line by line; a pharmacist reads the label top
    /// to bottom. Doses of one line keep the reader's order (a statement's dose before its ceiling).
    static func inLineOrder(_ doses: [Dose]) -> [Dose] {
        doses.enumerated().sorted { ($0.element.span.startLine, $0.offset) < ($1.element.span.startLine, $1.offset) }.map(\.element)
    }

    func validate() throws {
        if let drug, drug.allSatisfy(\.isWhitespace) { throw ValidationError("--drug must not be empty") }
    }
}
