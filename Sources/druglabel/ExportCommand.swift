import ArgumentParser
import DrugLabel
import Foundation
import LabelStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every indexed document as one JSON object per line, sections under openFDA-style keys.",
        discussion: """
            Keys are snake_case throughout; each line carries schema_version (docs/export.schema.json). A section's text \
            is its paragraphs in document order, one a line, without its tables, which are under KEY_table as rows of cells. \
            Documents are read from the index alone (their stored sources), not from their files.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case ndjson }

    @Option(help: "ndjson (one object per line).")
    var format: Format = .ndjson

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RuleOptions

    func run() throws {
        let labelStore = try store.open()
        let rules = self.rules
        _ = try rules.makeParser()
        try store.reporting {
            try labelStore.export(parser: { try rules.makeParser() }) { data in
                Console.out(data)
                Console.out("\n")
            }
        }
    }
}
