import ArgumentParser
import DrugLabel
import LabelStore

struct QueryReactionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "adverse-reactions",
                                                    abstract: "Adverse-reaction table rows in the index.")

    @Option(help: "The preferred term, as the table writes it (folded: 發熱 finds 发热).")
    var term: String
    @Option(name: .customLong("min-all"), help: "At least this all-grade percentage in some arm.")
    var minAll: Double?
    @Option(name: .customLong("min-grade3"), help: "At least this grade ≥3 percentage in some arm.")
    var minGrade3: Double?
    @Option(help: "text, json, ndjson or csv.")
    var format: QueryCommand.Format = .text
    @OptionGroup var paging: PageOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let answer = try store.open().adverseReactions(term: term, minAll: minAll, minGrade3: minGrade3, page: paging.page,
                                                         parser: LabelParser())
        let hits = answer.items
        let rows = hits.map { h -> [String] in
            let arms = h.row.arms.map { a in
                "\(a.arm.isEmpty ? "" : a.arm + " ")\(a.allGrades.map(DoseTable.format) ?? "-")/\(a.grade3OrWorse.map(DoseTable.format) ?? "-")"
            }.joined(separator: "; ")
            return [h.row.term, h.row.soc ?? "", arms, "\(h.path):\(h.row.span.startLine) \(h.table)"]
        }
        try QueryOutput.write(hits, header: ["TERM", "SOC", "ALL/≥3 (%) BY ARM", "SOURCE"], rows: rows, format: format, total: answer.total, offset: paging.offset)
    }
}
