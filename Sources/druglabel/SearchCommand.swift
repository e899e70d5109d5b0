import ArgumentParser
import DrugLabel
import Foundation
import LabelStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the indexed sections: every occurrence, any length, Chinese or Latin.",
        discussion: "Terms separated by spaces must all occur in one section; OR and NOT (or -term) combine them; \"…\" keeps a phrase. Matching is folded: 適應症 finds 适应症, CAR-T finds car t."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, ndjson, csv }

    @Argument(help: "The query.")
    var query: String

    @Option(help: "Only this section: a catalogue key, a heading or an alias.")
    var section: String?

    @Option(help: "Only documents of this kind (label, application, slides, article).")
    var kind: String?

    @Option(help: "Only documents of this drug: generic, trade or English name, or pinyin (ajilunsai).")
    var drug: String?

    @Option(help: "Only documents of this marketing authorization holder.")
    var holder: String?

    @Option(help: "text, json, ndjson or csv.")
    var format: Format = .text

    @Option(help: "At most this many hits.")
    var limit = 20

    @Option(help: "Skip this many hits first.")
    var offset = 0

    @OptionGroup var store: StoreOptions

    func run() throws {
        let labelStore = try store.open()
        let parser = try LabelParser()
        var key: String?
        if let section {
            guard let found = parser.catalogueKey(for: section) else {
                Console.error("no section \(section) in the catalogue")
                throw ExitCode(1)
            }
            key = found
        }
        let hits: [SearchHit]
        do {
            hits = try labelStore.search(SearchQuery(query), filters: .init(section: key, kind: kind, drug: drug, holder: holder, limit: limit, offset: offset),
                                         folder: parser.matchingFolder)
        } catch let error as StoreError {
            Console.error(error.description)
            throw ExitCode(1)
        }
        switch format {
        case .text:
            if hits.isEmpty { Console.out("no hits\n") }
            for hit in hits {
                let via = hit.expansion.map { "  (via \($0))" } ?? ""
                Console.out("\(hit.path):\(hit.line)  【\(hit.heading)】\(hit.section.map { " \($0)" } ?? "")  \(hit.genericName ?? hit.title ?? "")\(via)\n    \(hit.snippet)\n")
            }
        case .json:
            Console.out(try LabelJSON.encode(hits))
        case .ndjson:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for hit in hits { Console.out(try encoder.encode(hit)); Console.out("\n") }
        case .csv:
            var lines = ["path,line,section,heading,generic_name,score,snippet"]
            for h in hits {
                lines.append([h.path, String(h.line), h.section ?? "", h.heading, h.genericName ?? "", String(h.score), h.snippet]
                    .map(TableCSV.quote).joined(separator: ","))
            }
            Console.out(lines.joined(separator: "\r\n") + "\r\n")
        }
    }
}
