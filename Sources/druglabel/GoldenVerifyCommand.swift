import ArgumentParser
import DrugLabel

struct GoldenVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Parse every corpus document and compare with its golden file; exit 1 on any difference."
    )

    @OptionGroup var options: GoldenOptions

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let store = GoldenCorpus(corpus: options.corpus, golden: options.golden)
        let entries = try store.check(parser: rules.makeParser())
        var bad = 0
        for entry in entries {
            if let error = entry.error {
                Console.error("\(options.corpus)/\(entry.name): \(error)")
                bad += 1
            } else if let diff = entry.diff {
                Console.out(diff)
                Console.error("\(entry.goldenPath): differs from the parse of \(entry.name)")
                bad += 1
            }
        }
        for orphan in try store.orphans() {
            Console.error("\(options.golden)/\(orphan): no corpus document of that name")
            bad += 1
        }
        Console.out("golden: \(entries.count - min(bad, entries.count)) of \(entries.count) documents agree\n")
        if bad > 0 { throw ExitCode(1) }
    }
}
