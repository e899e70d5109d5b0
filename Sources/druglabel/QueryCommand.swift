import ArgumentParser

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Structured queries over the indexed doses, adverse-reaction rows and form fields.",
        subcommands: [QueryDosesCommand.self, QueryReactionsCommand.self, QueryFieldsCommand.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, ndjson, csv }
}
