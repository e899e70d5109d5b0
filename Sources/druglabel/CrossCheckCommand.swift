import ArgumentParser
import DrugLabel
import Foundation

struct CrossCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosscheck",
        abstract: "Compare what an application form or slide deck quotes from a label with the label.",
        discussion: "Names, holder, approval number, first approval date, and every label section the document quotes. Exit status 0 when nothing differs, 1 when something does, 2 when a document cannot be read or the second is not a label."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The application form or slides.")
    var document: String

    @Argument(help: "The label.")
    var label: String

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let parser = try rules.makeParser(failure: ExitStatus.trouble)
        let quoting = try rules.readDocument(document, with: parser, failure: ExitStatus.trouble)
        let labelDocument = try rules.readDocument(label, with: parser, failure: ExitStatus.trouble)
        if labelDocument.label.kind != .label {
            Console.error("\(label): is \(labelDocument.label.kind.rawValue == "article" ? "an article" : "a \(labelDocument.label.kind.rawValue) document"), not a label: crosscheck compares a document with the label it quotes")
            throw ExitStatus.trouble
        }
        let checker: CrossChecker
        do { checker = try CrossChecker(catalogue: parser.catalogue) } catch {
            Console.error("cannot compare: \(error)")
            throw ExitStatus.trouble
        }
        let report = checker.check(quoting, against: labelDocument)
        switch format {
        case .json: Console.out(try LabelJSON.encode(report)); Console.out("\n")
        case .text: Console.out(CrossCheckCommand.text(report))
        }
        if report.comparisons.contains(where: { $0.verdict == .different }) { throw ExitStatus.findings }
    }

    static let shown = 12

    static func text(_ report: CrossCheckReport) -> String {
        var out = "\(report.path) against \(report.labelPath)\n"
        if let warning = report.warning { out += "warning: \(warning)\n" }
        for c in report.comparisons {
            let here = c.span.map { "\(report.path):\($0.startLine)" } ?? report.path
            let there = c.labelSpan.map { "label:\($0.startLine)" } ?? "label"
            let label = c.labelName.map { c.what.contains("_") ? "【\($0)】" : $0 } ?? c.what
            out += "\(here)  \(c.name) ~ \(label)  \(verdict(c.verdict))"
            if let v = c.value, let l = c.labelValue, c.verdict != .equal { out += ": \(v) here, \(l) in the label (\(there))" }
            else { out += " (\(there))" }
            if let note = c.note { out += "; \(note)" }
            out += "\n"
            if let numbers = c.numbers { out += "    numbers \(numbers)\n" }
            // A page of them: two texts that share little differ everywhere (JSON has them all).
            for d in c.differences.prefix(shown) {
                let change = "…\(d.before)[-\(d.here)-]{+\(d.label)+}\(d.after)…".replacingOccurrences(of: "\n", with: " ")
                out += "    line \(d.line.map(String.init) ?? "?") / label line \(d.labelLine.map(String.init) ?? "?"): \(change)\n"
            }
            if c.differences.count > shown { out += "    … and \(c.differences.count - shown) more (--format json lists them all)\n" }
        }
        let different = report.comparisons.filter { $0.verdict == .different }.count
        out += "\(report.comparisons.count) compared, \(different) different\n"
        return out
    }

    static func verdict(_ v: Comparison.Verdict) -> String {
        switch v {
        case .equal: return "equal"
        case .equalAfterNormalization: return "equal after normalization"
        case .contains: return "agrees"
        case .different: return "DIFFERENT"
        case .notCompared: return "not compared"
        }
    }
}
