import ArgumentParser
import DrugLabel
import Foundation

struct GoldenVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Parse every corpus document and compare with its golden file.",
        discussion: "Exit status 0 when every document agrees, 1 when some differ (or a golden file has no document), 2 when a document cannot be read or the folders are missing."
    )

    @OptionGroup var options: GoldenOptions

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let store = GoldenCorpus(corpus: options.corpus, golden: options.golden)
        let entries: [GoldenCorpus.Entry]
        let orphans: [String]
        do {
            entries = try store.check(parser: rules.makeParser(failure: ExitStatus.trouble), requireGolden: true)
            orphans = try store.orphans()
        } catch let error as GoldenCorpusError {
            Console.error(error.description)
            throw ExitStatus.trouble
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("golden: \(error.localizedDescription)")
            throw ExitStatus.trouble
        }
        var bad = 0, unreadable = 0
        for entry in entries {
            if let error = entry.error {
                Console.error("\(options.corpus)/\(entry.name): \(error)")
                bad += 1
                unreadable += 1
            } else if let diff = entry.diff {
                Console.out(diff)
                Console.error("\(entry.goldenPath): differs from the parse of \(entry.name)")
                bad += 1
            }
        }
        for orphan in orphans {
            Console.error("\(options.golden)/\(orphan): no corpus document of that name")
            bad += 1
        }
        Console.out("golden: \(entries.count - min(bad, entries.count)) of \(entries.count) documents agree\n")
        if unreadable > 0 { throw ExitStatus.trouble }
        if bad > 0 { throw ExitStatus.findings }
    }
}
