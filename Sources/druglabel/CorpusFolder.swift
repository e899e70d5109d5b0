import ArgumentParser
import DrugLabel
import Foundation

/// The documents of a folder that `bench` repeats, read and decoded as `parse` reads files: a
/// folder that is not there, and each file that cannot be read or is not text (a PDF left in
/// the folder), is named on stderr (`druglabel: error:`) rather than stopping the run with a
/// Foundation error; the rest are still benchmarked.
struct CorpusFolder {
    var documents: [(name: String, bytes: [UInt8])] = []
    /// How many files could not be read (each named on stderr).
    var failed = 0

    /// The files of `folder` whose names end in `suffix` (hidden ones left out), sorted by name.
    init(_ folder: String, suffix: String = "") throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            // The default is the repository's Corpus/, found only when bench runs there.
            let hint = folder == "Corpus" ? "; run bench in the repository, or name a folder with --corpus" : ""
            Console.error("\(folder): no such folder\(hint)")
            throw ExitCode(1)
        }
        for name in names.filter({ !$0.hasPrefix(".") && $0.hasSuffix(suffix) }).sorted() {
            let path = folder + "/" + name
            do {
                let bytes = try LabelFile.read(path)
                _ = try TextDecoder().decode(bytes)
                documents.append((name, bytes))
            } catch {
                Console.error("\(path): \(error)")
                failed += 1
            }
        }
    }
}
