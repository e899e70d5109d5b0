import ArgumentParser
import DrugLabel
import Foundation
import LabelStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the indexed documents: every occurrence, any length, Chinese or Latin.",
        discussion: """
            Terms separated by spaces must all occur in one section; OR and NOT (or -term) combine them; "…" keeps a phrase. \
            Matching is folded: 適應症 finds 适应症, CAR-T finds car t. Every text is searched: a label's sections and boxed \
            warning (boxed_warning), an application's every field, an article's paragraphs. Each hit is a section; its line \
            is the line of the match. The match is marked «…» (bold yellow on a terminal unless NO_COLOR is set); JSON and \
            CSV keep the marked snippet beside the plain fields.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, ndjson, csv }

    @Argument(help: "The query.")
    var query: String

    @Option(help: "Only this section: a catalogue key (boxed_warning too), a heading or an alias.")
    var section: String?

    @Option(help: "Only documents of this kind: \(SearchCommand.kinds.joined(separator: ", ")).")
    var kind: String?

    @Option(help: "Only documents of this drug: generic, trade or English name, or pinyin (ajilunsai).")
    var drug: String?

    @Option(help: "Only documents of this marketing authorization holder.")
    var holder: String?

    @Option(help: "text, json, ndjson or csv.")
    var format: Format = .text

    @Option(help: "At most this many hits (1 or more).")
    var limit = 20

    @Option(help: "Skip this many hits first.")
    var offset = 0

    @OptionGroup var store: StoreOptions

    static let kinds = DocumentKind.allCases.map(\.rawValue)

    /// The same checks as the API's (400 there, a usage error here, exit 64).
    func validate() throws {
        if let kind, !SearchCommand.kinds.contains(kind) {
            throw ValidationError("unknown --kind \(kind); the kinds are \(SearchCommand.kinds.joined(separator: ", "))")
        }
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
        if let section, try LabelParser().partKey(for: section) == nil {
            throw ValidationError("unknown --section \(section): give a catalogue key (indications_and_usage, boxed_warning…), a heading (适应症, 警告…) or an alias the catalogue knows")
        }
        if query.allSatisfy(\.isWhitespace) { throw ValidationError("the query is empty") }
    }

    /// A catalogue key, or the boxed warning by its key or one of its titles (警告, 警示语).
    func run() throws {
        let labelStore = try store.open()
        let parser = try LabelParser()
        let key = section.flatMap { parser.partKey(for: $0) }
        let filters = LabelStore.SearchFilters(section: key, kind: kind, drug: drug, holder: holder, limit: limit, offset: offset)
        let hits = try store.reporting {
            try labelStore.search(SearchQuery(query), filters: filters, fold: parser.fold)
        }
        switch format {
        case .text:
            let color = isatty(1) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            Console.out(SearchCommand.text(hits, color: color))
            let summary = try store.reporting { try labelStore.searchSummary(SearchQuery(query), filters: filters, fold: parser.fold) }
            Console.out(SearchCommand.summary(hits, summary, offset: offset) + "\n")
        case .json:
            Console.out(try LabelJSON.encode(hits))
        case .ndjson:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for hit in hits { Console.out(try encoder.encode(hit)); Console.out("\n") }
        case .csv:
            Console.out(SearchCommand.csv(hits))
        }
    }

    /// Two lines a hit: where (`path:line`, the match's line), and the snippet with the match
    /// marked: « » in plain text, bold yellow on a terminal.
    static func text(_ hits: [SearchHit], color: Bool) -> String {
        var out = ""
        for hit in hits {
            let via = hit.expansion.map { "  (via \($0))" } ?? ""
            let snippet = color ? hit.highlight.marked(open: "\u{1B}[1;33m", close: "\u{1B}[0m") : hit.highlight.marked
            let times = hit.occurrences == 1 ? "1 occurrence" : "\(hit.occurrences) occurrences"
            out += "\(hit.path):\(hit.line)  【\(hit.heading)】\(hit.section.map { " \($0)" } ?? "")  \(hit.genericName ?? hit.title ?? "")"
                + "  [\(hit.kind), \(times)]\(via)\n    \(snippet)\n"
        }
        return out
    }

    /// `5 occurrences in 3 sections of 2 documents`, or, when a page shows part of the answer,
    /// which part.
    static func summary(_ hits: [SearchHit], _ all: LabelStore.SearchSummary, offset: Int) -> String {
        let occurrences = hits.reduce(0) { $0 + $1.occurrences }
        let sections = "\(all.sections) matching section\(all.sections == 1 ? "" : "s") in \(all.documents) document\(all.documents == 1 ? "" : "s")"
        if all.sections == 0 { return "no hits" }
        if hits.isEmpty { return "no hits on this page (\(sections); --offset \(offset) is past them)" }
        if hits.count == all.sections { return "\(occurrences) occurrence\(occurrences == 1 ? "" : "s") in \(sections)" }
        return "hits \(offset + 1)–\(offset + hits.count) of \(sections), \(occurrences) occurrence\(occurrences == 1 ? "" : "s") in these"
    }

    /// One row a hit; `line` is the match's line, `snippet` the marked snippet.
    static func csv(_ hits: [SearchHit]) -> String {
        var lines = ["path,line,paragraph_line,kind,section,heading,generic_name,occurrences,score,snippet"]
        for h in hits {
            lines.append([h.path, String(h.line), String(h.paragraphLine), h.kind, h.section ?? "", h.heading, h.genericName ?? "",
                          String(h.occurrences), String(h.score), h.snippet]
                .map(TableCSV.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
