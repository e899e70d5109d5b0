import ArgumentParser
import DrugLabel
import Foundation

struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Print the tables of a document, rebuilt from its flattened lines.",
        discussion: "text is an aligned grid to hold against the PDF; json is the tables of `parse --format json`; csv is one line per cell (table, group, label, column path, raw, value, …) for a spreadsheet."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Argument(help: "The document.")
    var file: String

    @Option(help: "text, json or csv.")
    var format: Format = .text

    @Option(help: "Only this table: its id as written (表 5, 表5) or its number (5).")
    var table: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let (_, label) = try rules.parseOne(file)
        var tables = label.tables
        if let wanted = table {
            tables = label.tables(named: wanted)
            if tables.isEmpty {
                let known = label.tables.map(\.id).joined(separator: ", ")
                Console.error("\(file): no table \(wanted) (tables here: \(known.isEmpty ? "none" : known))")
                throw ExitCode(1)
            }
        }
        switch format {
        case .text:
            if tables.isEmpty { Console.out("no tables in \(file)\n") }
            Console.out(tables.map(TableGrid.render).joined(separator: "\n"))
        case .json:
            Console.out(try LabelJSON.encode(tables))
            Console.out("\n")
        case .csv:
            Console.out(TableCSV.render(tables))
        }
    }
}
