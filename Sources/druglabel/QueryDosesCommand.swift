import ArgumentParser
import DrugLabel
import LabelStore

struct QueryDosesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doses", abstract: "Doses in the index.",
        discussion: "Every field of a dose, as `doses` shows it: text has the columns of `doses` with the source last; csv has the columns of `doses --format csv`; json is each dose whole with its path."
    )

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

    func validate() throws {
        try QueryCommand.validate(paging)
        try QueryCommand.validate(drug, option: "drug")
        try QueryCommand.validate(unit, option: "unit")
        try QueryCommand.validate(per, option: "per")
    }

    func run() throws {
        let index = try store.open()
        let answer = try store.reporting { try index.doses(drug: drug, unit: unit, per: per, page: paging.page, fold: TextFold.checked()) }
        let hits = answer.items
        // The line moves to the end, where every query row names its source.
        let rows = zip(hits, DoseTable.rows(hits.map(\.dose))).map { hit, row in Array(row.dropFirst()) + ["\(hit.path):\(hit.dose.span.startLine)"] }
        try QueryOutput.write(hits, header: Array(DoseTable.header.dropFirst()) + ["SOURCE"], rows: rows, format: format,
                              total: answer.total, offset: paging.offset) { csv(hits) }
    }

    /// The library's dose CSV, one file's doses at a time (the hits come grouped by path), under
    /// one header: the same columns as `doses --format csv`, whatever the dose comes to hold.
    private func csv(_ hits: [LabelStore.DoseHit]) -> String {
        var text = ""
        var start = 0
        while start < hits.count {
            var end = start
            while end < hits.count, hits[end].path == hits[start].path { end += 1 }
            var part = DoseTable.csv(hits[start..<end].map(\.dose), file: hits[start].path)
            if start > 0, let firstBreak = part.range(of: "\r\n") { part = String(part[firstBreak.upperBound...]) }
            text += part
            start = end
        }
        return text.isEmpty ? DoseTable.csv([], file: "") : text
    }
}
