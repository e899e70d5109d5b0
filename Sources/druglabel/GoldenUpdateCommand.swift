import ArgumentParser
import DrugLabel
import Foundation

struct GoldenUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Show how the golden files would change; rewrite them only with --yes or a yes at the prompt.",
        discussion: "Check each changed value against the document itself before you say yes: a golden file is a reviewed statement of what the document says, not a copy of the parser's output."
    )

    @OptionGroup var options: GoldenOptions

    @Flag(help: "Write without asking.")
    var yes = false

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let store = GoldenCorpus(corpus: options.corpus, golden: options.golden)
        let entries: [GoldenCorpus.Entry]
        do { entries = try store.check(parser: rules.makeParser()) } catch let error as GoldenCorpusError {
            Console.error(error.description)
            throw ExitCode(1)
        }
        var failed = 0
        for entry in entries where entry.error != nil {
            Console.error("\(options.corpus)/\(entry.name): \(entry.error!)")
            failed += 1
        }
        let changed = entries.filter { $0.diff != nil }
        for entry in changed { Console.out(entry.diff!) }
        if changed.isEmpty {
            Console.out("golden: all \(entries.count - failed) files are up to date\n")
        } else if yes || confirm("Write \(changed.count) golden file(s)? [y/N] ") {
            for entry in changed { try store.write(entry) }
            Console.out("golden: wrote \(changed.count) file(s)\n")
        } else {
            Console.error("golden: \(changed.count) file(s) differ and were not written (run with --yes, or answer y at a terminal)")
            throw ExitCode(1)
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// Asks only a person at a terminal; a pipe or CI never says yes.
    private func confirm(_ question: String) -> Bool {
        guard isatty(0) == 1 else { return false }
        Console.out(question)
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
