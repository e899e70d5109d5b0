import ArgumentParser
import DrugLabel
import Foundation
import LabelStore

/// Where the index lives: `--db FILE`, else `DRUGLABEL_DB`, else `./.druglabel/index.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(help: "The index file (default: $DRUGLABEL_DB or ./.druglabel/index.sqlite).")
    var db: String?

    var path: String { db ?? LabelStore.defaultPath }

    /// The index for a command that only reads it (search, export, query): opened read-only, so
    /// a missing or empty file is refused with the way to make one, never given a schema, and
    /// an older index is not upgraded behind the user's back.
    func open() throws -> LabelStore {
        try reporting { try LabelStore(path: path, readOnly: true) }
    }

    /// The index an `index` run writes: updated in place, or built aside and put in place by
    /// `IndexBuild.publish()` when new or rebuilt.
    func build(rebuild: Bool) throws -> IndexBuild {
        try reporting { try IndexBuild(path: path, rebuild: rebuild) }
    }

    /// Runs `body`, ending the command with `druglabel: error: …` (exit 1) on a `StoreError`:
    /// a damaged index may only show when a query reaches its damaged pages.
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}
