import ArgumentParser
import DrugLabel
import Foundation
import LabelIngest
import LabelStore

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Add documents to the search index, or bring it up to date.",
        discussion: """
            Files and folders (the .txt, .md and .text files below them). Unchanged files are \
            skipped by content hash, changed ones replaced, and files gone from an indexed folder \
            dropped. Parsing runs on all cores. Only regular files are read: FIFOs, sockets and \
            devices are skipped, and so are symbolic links that lead out of the folder given (each \
            said on stderr). A new index, or one made again with --rebuild, is built aside \
            (INDEX.building-PID) and put in place when done: searches meanwhile see the old index, \
            or none yet. The index keeps each document's source, so search, export and serve need \
            the files no more.
            """
    )

    @Argument(help: "Files or folders.")
    var paths: [String]

    @Flag(help: "Make the index anew, aside, and swap it in when done (also the way out of a damaged index file).")
    var rebuild = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RuleOptions

    func run() throws {
        let rules = self.rules
        // Fail on a bad rule file before any worker starts.
        _ = try rules.makeParser()
        let build = try store.build(rebuild: rebuild)
        let terminal = isatty(2) == 1
        let indexer = Indexer(build: build, makeParser: { try rules.makeParser() })
        let summary: Indexer.Summary
        do {
            summary = try store.reporting {
                try indexer.run(paths) { event in
                    switch event {
                    case .done(let path, let n, let total):
                        if terminal {
                            let bar = String(repeating: "█", count: n * 30 / max(total, 1)).padding(toLength: 30, withPad: "·", startingAt: 0)
                            FileHandle.standardError.write(Data("\r\u{1B}[K\(bar) \(n)/\(total) \((path as NSString).lastPathComponent)".utf8))
                        } else {
                            FileHandle.standardError.write(Data("indexed \(n)/\(total) \(path)\n".utf8))
                        }
                    case .failed(let path, let reason):
                        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                        Console.error("\(path): \(reason)")
                    case .skipped(let path, let reason):
                        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                        Console.warning("\(path): skipped: \(reason)")
                    }
                }
            }
        } catch {
            build.abandon()
            throw error
        }
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let labelStore = try store.reporting { try build.publish() }
        let counts = try store.reporting { try labelStore.counts() }
        Console.out("""
            index: \(labelStore.path)
            files: \(summary.added) added, \(summary.replaced) replaced, \(summary.unchanged) unchanged, \(summary.removed) removed, \(summary.failed.count) failed, \(summary.skipped.count) skipped
            holds: \(counts["documents"] ?? 0) documents, \(counts["sections"] ?? 0) sections, \(counts["paragraphs"] ?? 0) paragraphs, \(counts["doses"] ?? 0) doses, \(counts["table_rows"] ?? 0) table rows, \(counts["fields"] ?? 0) fields

            """)
        if !summary.failed.isEmpty { throw ExitCode(1) }
    }
}
