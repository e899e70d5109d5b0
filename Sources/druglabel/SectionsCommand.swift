import ArgumentParser
import DrugLabel

struct SectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sections",
        abstract: "List a document's sections: key, heading, line range, characters."
    )

    @Argument(help: "A label (or an application or slides quoting label sections).")
    var file: String

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let label = try rules.parseOne(file).label
        let rows = label.sections.map { s in
            [s.key ?? "-", s.heading, "\(s.span.startLine)-\(s.span.endLine)", String(s.text.count)]
        }
        Console.out(Columns.render(header: ["KEY", "HEADING", "LINES", "CHARS"], rows: rows))
        if label.sections.isEmpty {
            Console.warning("\(file): no sections (\(label.kind.rawValue))")
        }
    }
}
