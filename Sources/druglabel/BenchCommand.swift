import ArgumentParser

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print figures: the parsing pipeline (default) and the search index.",
        subcommands: [BenchPipelineCommand.self, BenchSearchCommand.self, BenchDocumentsCommand.self],
        defaultSubcommand: BenchPipelineCommand.self
    )
}
