import ArgumentParser
import DrugLabel

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Structured queries over the indexed doses, adverse-reaction rows and form fields.",
        subcommands: [QueryDosesCommand.self, QueryReactionsCommand.self, QueryFieldsCommand.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, ndjson, csv }

    /// The API answers `limit=0` with 400; here a zero limit would print "no rows" as if the
    /// index had none, so it is a usage error too (PageOptions refuses negative values).
    static func validate(_ paging: PageOptions) throws {
        if let limit = paging.limit, limit < 1 { throw ValidationError("--limit must be 1 or more (leave it out for every row)") }
    }

    /// An empty value would match everything (a name contains "") or nothing (a unit is never
    /// ""): either way not what was asked, so it is refused rather than answered.
    static func validate(_ value: String?, option: String) throws {
        if let value, value.allSatisfy(\.isWhitespace) { throw ValidationError("--\(option) must not be empty") }
    }

    /// Percentages of patients: anything outside 0…100 (or not a number) is a typo, not a filter
    /// that happens to match nothing.
    static func validate(percentage value: Double?, option: String) throws {
        if let value, !(0...100).contains(value) {
            throw ValidationError("--\(option) must be a percentage from 0 to 100; got \(TableCSV.number(value))")
        }
    }
}
