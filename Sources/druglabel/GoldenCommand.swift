import ArgumentParser

struct GoldenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golden",
        abstract: "Check the corpus against its reviewed golden JSON files, or rewrite them.",
        subcommands: [GoldenVerifyCommand.self, GoldenUpdateCommand.self]
    )
}

struct GoldenOptions: ParsableArguments {
    @Option(help: "The folder of documents.")
    var corpus = "Corpus"

    @Option(help: "The folder of reviewed JSON files, one per document, same base name.")
    var golden = "Golden"
}
