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

    static let bytesToFreeAside = 1 << 20

    func run() throws {
        // The first file is read while the rules load, each next one while this one is parsed.
        var ahead = files.first.map(ReadAhead.init)
        let parser = try rules.makeParser()
        var failed = 0
        var written = 0
        // One file gives one object; several give an array of them in argument order, written
        // as each file is parsed so that a large batch never sits in memory all at once. A file
        // that cannot be read or parsed is reported (`druglabel: error: FILE: reason`) and left
        // out; the files after it are still written.
        let asArray = format == .json && files.count > 1
        if asArray { Console.out("[\n") }
        for (index, path) in files.enumerated() {
            let reading = ahead ?? ReadAhead(path)
            ahead = index + 1 < files.count ? ReadAhead(files[index + 1]) : nil
            do {
                let parsed = try parser.parseDocument(bytes: reading.bytes(), path: path)
                let label = parsed.label
                // A 50 MB label is millions of small objects, and freeing them one by one took
                // a tenth of its parse. Nothing here waits for that: they are freed on another
                // thread while the next file is read, and at exit the system takes the memory
                // back whole. Not a small label's: waking a thread for each was 4% of parsing
                // the 121 labels of labels-dev in one run, more than freeing them.
                let freeAside = label.source.bytes >= ParseCommand.bytesToFreeAside
                defer { if freeAside { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(parsed) {} } } }
                switch format {
                case .text:
                    if written > 0 { Console.out("\n") }
                    Console.out(TextOutline.render(label))
                case .json:
                    // Streamed piece by piece: a 100 MB label's JSON is four times its size and
                    // must not sit in memory whole. Encoding cannot fail half-way: the model
                    // holds no value JSON lacks (no infinity or NaN; the fuzzer checks it).
                    if asArray && written > 0 { Console.out(",\n") }
                    try LabelJSON.writeBytes(label, to: { Console.out($0) })
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
