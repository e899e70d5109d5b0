import ArgumentParser
import DrugLabel
import Foundation
import LabelStore

/// Where the index lives: `--db FILE`, else `DRUGLABEL_DB`, else `./.druglabel/index.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(help: "The index file (default: $DRUGLABEL_DB or ./.druglabel/index.sqlite).")
    var db: String?

    func open(rebuild: Bool = false) throws -> LabelStore {
        let path = db ?? LabelStore.defaultPath
        do {
            return try LabelStore(path: path, rebuild: rebuild)
        } catch let error as StoreError {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}
