import ArgumentParser
import DrugLabel
import Foundation

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse documents into the JSON contract (or a readable outline)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    @Argument(help: "Label, application, slides or article text files.")
    var files: [String]

    @Option(help: "json (the DESIGN.md contract) or text (a readable outline).")
    var format: Format = .json

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let parser = try rules.makeParser()
        var failed = 0
        var labels: [Label] = []
        for path in files {
            do {
                let label = try parser.parse(fileAt: path)
                if format == .text {
                    if !labels.isEmpty { Console.out("\n") }
                    Console.out(TextOutline.render(label))
                }
                labels.append(label)
            } catch {
                Console.error("\(path): \(error)")
                failed += 1
            }
        }
        if format == .json {
            // One file gives one object; several give an array of them, in argument order.
            if files.count == 1, let label = labels.first {
                Console.out(try LabelJSON.encode(label))
            } else if files.count > 1 {
                Console.out(try LabelJSON.encode(labels))
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
