import ArgumentParser
import DrugLabel
import LabelStore

struct QueryDosesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doses", abstract: "Doses in the index.")

    @Option(help: "The drug (folded, either name containing the other; 本品 is the document's generic name).")
    var drug: String?
    @Option(help: "The unit code: mg, μg, mL, IU, cells, tablet, …")
    var unit: String?
    @Option(help: "Per what: kg, m2, dose, bag, day.")
    var per: String?
    @Option(help: "text, json, ndjson or csv.")
    var format: QueryCommand.Format = .text
    @OptionGroup var paging: PageOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let answer = try store.open().doses(drug: drug, unit: unit, per: per, page: paging.page, parser: LabelParser())
        let hits = answer.items
        let rows = hits.map { h in
            [h.dose.drug, h.dose.population ?? "", DoseTable.amount(h.dose), DoseTable.kind(h.dose), h.dose.maximum?.text ?? "",
             h.dose.route ?? "", h.dose.frequency ?? "", h.dose.condition ?? "", "\(h.path):\(h.dose.span.startLine)"]
        }
        try QueryOutput.write(hits, header: ["DRUG", "WHO", "AMOUNT", "KIND", "MAXIMUM", "ROUTE", "FREQUENCY", "CONDITION", "SOURCE"],
                              rows: rows, format: format, total: answer.total, offset: paging.offset)
    }
}
