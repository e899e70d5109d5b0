import ArgumentParser
import DrugLabel

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one section of a document.",
        discussion: "SECTION is a catalogue key (contraindications), a heading as written (禁忌) or any alias the catalogue knows (禁忌症, 適應症); boxed_warning (or 警告, 警示语) is the boxed warning."
    )

    @Argument(help: "The document.")
    var file: String

    @Argument(help: "A key, a heading or an alias.")
    var section: String

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let (parser, label) = try rules.parseOne(file)
        if let box = label.boxedWarning, parser.partKey(for: section, boxedWarningTitle: box.title) == parser.catalogue.boxedWarning.key {
            Console.out("【\(box.title)】 lines \(box.span.startLine)–\(box.span.endLine)\n\(box.items.joined(separator: "\n"))\n")
            return
        }
        guard let found = parser.findSection(section, in: label) else {
            var known = label.sections.map { $0.key ?? $0.heading }
            if label.boxedWarning != nil { known.insert(parser.catalogue.boxedWarning.key, at: 0) }
            Console.error("\(file): no section \(section) (sections here: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
            throw ExitCode(1)
        }
        Console.out("【\(found.heading)】 lines \(found.span.startLine)–\(found.span.endLine)\n\(found.text)\n")
    }
}
