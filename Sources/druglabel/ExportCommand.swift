import ArgumentParser
import DrugLabel
import Foundation
import LabelStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every indexed document as one JSON object per line, sections under openFDA-style keys."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case ndjson }

    @Option(help: "ndjson (one object per line).")
    var format: Format = .ndjson

    @OptionGroup var store: StoreOptions

    func run() throws {
        try store.open().export { data in
            Console.out(data)
            Console.out("\n")
        }
    }
}
