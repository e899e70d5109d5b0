import ArgumentParser
import DrugLabel
import Foundation
import LabelStore

/// Where the index lives: `--db FILE`, else `DRUGLABEL_DB`, else `./.druglabel/index.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(help: "The index file (default: $DRUGLABEL_DB or ./.druglabel/index.sqlite).")
    var db: String?

    /// `create` for `index`; the readers refuse a missing index rather than make an empty one.
    func open(rebuild: Bool = false, create: Bool = false) throws -> LabelStore {
        let path = db ?? LabelStore.defaultPath
        if !create, !FileManager.default.fileExists(atPath: path) {
            Console.error("\(path): no index here; run `druglabel index PATH…` first (or pass --db)")
            throw ExitCode(1)
        }
        do {
            return try LabelStore(path: path, rebuild: rebuild)
        } catch let error as StoreError {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}
