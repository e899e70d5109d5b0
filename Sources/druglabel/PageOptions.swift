import ArgumentParser
import LabelStore

/// `--limit` and `--offset` of the structured queries. Without `--limit` every row is printed,
/// as scripts expect; a person at a terminal pages with them.
struct PageOptions: ParsableArguments {
    @Option(help: "At most this many rows (all when not given).")
    var limit: Int?
    @Option(help: "Skip this many rows first.")
    var offset = 0

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
    }

    var page: LabelStore.Page { LabelStore.Page(limit: limit, offset: offset) }
}
