import ArgumentParser
import DrugLabel
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two versions of a label.",
        discussion: "Sections added, removed, moved or changed; within a changed section the sentences added, removed, moved or changed (their words marked); and the numbers that changed: doses, frequencies, table cells. Re-wrapped, re-encoded or Traditional-character text is no change. Exit status 0 when nothing changed, 1 when something did, 2 when a version cannot be read."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The old version.")
    var old: String

    @Argument(help: "The new version.")
    var new: String

    @Option(help: "text (colored on a terminal) or json.")
    var format: Format = .text

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let parser = try rules.makeParser(failure: ExitStatus.trouble)
        let differ: LabelDiffer
        do { differ = try LabelDiffer() } catch {
            Console.error("cannot compare: \(error)")
            throw ExitStatus.trouble
        }
        // One version at a time: its sentences are kept, the rest of its parse let go.
        let oldSide = differ.side(try rules.readDocument(old, with: parser, failure: ExitStatus.trouble))
        let newSide = differ.side(try rules.readDocument(new, with: parser, failure: ExitStatus.trouble))
        let report = differ.diff(oldSide, newSide)
        switch format {
        case .json: Console.out(try LabelJSON.encode(report)); Console.out("\n")
        case .text: Console.out(DiffCommand.text(report, color: isatty(1) == 1))
        }
        if !report.isEmpty { throw ExitStatus.findings }
    }

    static func text(_ report: LabelDiffReport, color: Bool) -> String {
        func removed(_ s: String) -> String { color ? "\u{1B}[31m\(s)\u{1B}[0m" : "[-\(s)-]" }
        func added(_ s: String) -> String { color ? "\u{1B}[32m\(s)\u{1B}[0m" : "{+\(s)+}" }
        func lines(_ a: SourceSpan?, _ b: SourceSpan?) -> String {
            [a.map { "old \($0.startLine)–\($0.endLine)" }, b.map { "new \($0.startLine)–\($0.endLine)" }].compactMap { $0 }.joined(separator: ", ")
        }
        var out = "\(report.old) → \(report.new)\n"
        if report.isEmpty { return out + "no changes\n" }
        for s in report.sections {
            let what = [s.kind == .unchanged ? nil : s.kind.rawValue, s.moved ? "moved" : nil].compactMap { $0 }.joined(separator: ", ")
            out += "【\(s.heading)】 \(what) (\(lines(s.oldSpan, s.newSpan)))\n"
            for c in s.sentences {
                let at = "old \(c.oldLine.map(String.init) ?? "-") → new \(c.newLine.map(String.init) ?? "-")"
                switch c.kind {
                case .changed:
                    let marked = c.words.map { "…\($0.before)\(removed($0.old))\(added($0.new))\($0.after)…" }.joined(separator: " ")
                    out += "  changed (\(at)): \(marked)\n"
                case .added: out += "  added (\(at)): \(added(c.new ?? ""))\n"
                case .removed: out += "  removed (\(at)): \(removed(c.old ?? ""))\n"
                case .moved: out += "  moved\(c.from.map { " from 【\($0)】" } ?? "") (\(at)): \(c.new ?? "")\n"
                }
            }
        }
        if !report.numbers.isEmpty {
            out += "numbers:\n"
            for n in report.numbers {
                out += "  \(n.what) \(n.context): \(n.old.map(removed) ?? "(none)") → \(n.new.map(added) ?? "(none)")"
                    + " (old \(n.oldLine.map(String.init) ?? "-") → new \(n.newLine.map(String.init) ?? "-"))\n"
            }
        }
        let sentences = report.sections.reduce(0) { $0 + $1.sentences.count }
        out += "\(report.sections.count) section(s), \(sentences) sentence(s), \(report.numbers.count) number(s) changed\n"
        return out
    }
}
