import ArgumentParser

@main
struct DrugLabelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "druglabel",
        abstract: "Read Chinese drug package inserts (药品说明书) and the documents that quote them.",
        subcommands: [ParseCommand.self, SectionsCommand.self, ShowCommand.self, TablesCommand.self, DosesCommand.self, IndexCommand.self, SearchCommand.self, QueryCommand.self, ExportCommand.self, ValidateCommand.self, CrossCheckCommand.self, DiffCommand.self, ServeCommand.self, GoldenCommand.self, BenchCommand.self]
    )
}
