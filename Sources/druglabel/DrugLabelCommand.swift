import ArgumentParser
import DrugLabel
import Foundation

@main
struct DrugLabelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "druglabel",
        abstract: "Read Chinese drug package inserts (药品说明书) and the documents that quote them.",
        version: DrugLabelVersion.current,
        subcommands: [ParseCommand.self, TextCommand.self, SectionsCommand.self, ShowCommand.self, TablesCommand.self, DosesCommand.self, IndexCommand.self, SearchCommand.self, QueryCommand.self, ExportCommand.self, ValidateCommand.self, CrossCheckCommand.self, DiffCommand.self, ServeCommand.self, GoldenCommand.self, BenchCommand.self]
    )

    /// A mistyped subcommand is answered with the one meant before the parser says only
    /// "unexpected argument".
    static func main() async {
        AllocatorTuning.apply()
        if let typo = CommandSuggestion.check(Array(CommandLine.arguments.dropFirst()), root: Self.self) {
            let command = typo.path.joined(separator: " ")
            Console.error("unknown command '\(typo.typed)'; did you mean '\(typo.meant)'?\nSee '\(command) --help'.")
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        await Self.main(nil)
    }
}
