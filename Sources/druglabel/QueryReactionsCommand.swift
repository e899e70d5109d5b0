import ArgumentParser
import DrugLabel
import LabelStore

struct QueryReactionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adverse-reactions",
        abstract: "Adverse-reaction table rows in the index.",
        discussion: """
            Give a term, thresholds, or both: `--min-grade3 20` alone lists every row with a grade ≥3 rate of at \
            least 20 % in some arm. Both thresholds hold in the same arm.

            csv is tidy: one line per row, arm and grade (all or 3+), the percentage a plain number.
            """
    )

    @Option(help: "Part of the term, as the table writes it (folded: 发热 finds 发热性中性粒细胞减少症, 發熱 finds 发热).")
    var term: String?
    @Option(name: .customLong("min-all"), help: "At least this all-grade percentage (0–100) in some arm.")
    var minAll: Double?
    @Option(name: .customLong("min-grade3"), help: "At least this grade ≥3 percentage (0–100) in some arm.")
    var minGrade3: Double?
    @Option(help: "text, json, ndjson or csv.")
    var format: QueryCommand.Format = .text
    @OptionGroup var paging: PageOptions
    @OptionGroup var store: StoreOptions

    /// Every row of every table at once is a dump, not a query: one filter at least.
    func validate() throws {
        try QueryCommand.validate(paging)
        try QueryCommand.validate(term, option: "term")
        try QueryCommand.validate(percentage: minAll, option: "min-all")
        try QueryCommand.validate(percentage: minGrade3, option: "min-grade3")
        if term == nil && minAll == nil && minGrade3 == nil {
            throw ValidationError("give --term, --min-all or --min-grade3 (or several)")
        }
    }

    func run() throws {
        let filter = LabelStore.ReactionFilter(term: term, minAll: minAll, minGrade3: minGrade3)
        let index = try store.open()
        let answer = try store.reporting { try index.adverseReactions(filter, page: paging.page, fold: TextFold.checked()) }
        let hits = answer.items
        let rows = hits.map { h -> [String] in
            let arms = h.row.arms.map { a in
                "\(a.arm.isEmpty ? "" : a.arm + " ")\(a.allGrades.map(DoseTable.format) ?? "-")/\(a.grade3OrWorse.map(DoseTable.format) ?? "-")"
            }.joined(separator: "; ")
            return [h.row.term, h.row.soc ?? "", arms, "\(h.path):\(h.row.span.startLine) \(h.table)"]
        }
        try QueryOutput.write(hits, header: ["TERM", "SOC", "ALL/≥3 (%) BY ARM", "SOURCE"], rows: rows, format: format,
                              total: answer.total, offset: paging.offset) {
            QueryOutput.lines(header: ReactionCSV.header, rows: hits.flatMap(ReactionCSV.rows))
        }
    }
}
