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
        var written = 0
        // One file gives one object; several give an array of them in argument order, written
        // as each file is parsed so that a large batch never sits in memory all at once. A file
        // that cannot be read or parsed is reported (`druglabel: error: FILE: reason`) and left
        // out; the files after it are still written.
        let asArray = format == .json && files.count > 1
        if asArray { Console.out("[\n") }
        for path in files {
            do {
                let label = try parser.parse(fileAt: path)
                switch format {
                case .text:
                    if written > 0 { Console.out("\n") }
                    Console.out(TextOutline.render(label))
                case .json:
                    // The whole document is encoded before any of it is written, so that one
                    // that fails to encode is its own error and the array stays valid JSON.
                    var json = Data()
                    try LabelJSON.write(label) { json.append($0) }
                    if asArray && written > 0 { Console.out(",\n") }
                    Console.out(json)
                    if !asArray { Console.out("\n") }
                }
                written += 1
            } catch {
                Console.error("\(path): \(error)")
                failed += 1
            }
        }
        if asArray { Console.out(written > 0 ? "\n]\n" : "]\n") }
        if failed > 0 { throw ExitCode(1) }
    }
}
