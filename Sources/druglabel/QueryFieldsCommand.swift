import ArgumentParser
import DrugLabel
import LabelStore

struct QueryFieldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fields", abstract: "Form fields in the index.")

    @Option(help: "The field name (folded, either containing the other).")
    var name: String
    @Option(help: "text, json, ndjson or csv.")
    var format: QueryCommand.Format = .text
    @OptionGroup var paging: PageOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        try QueryCommand.validate(paging)
        try QueryCommand.validate(name, option: "name")
    }

    func run() throws {
        let index = try store.open()
        let answer = try store.reporting { try index.fields(name: name, page: paging.page, fold: TextFold.checked()) }
        let hits = answer.items
        let rows = hits.map { h in [h.field.name, String(h.field.value.prefix(80)), "\(h.path):\(h.field.span.startLine)"] }
        // The text form cuts long values to fit a terminal; a spreadsheet gets them whole.
        try QueryOutput.write(hits, header: ["NAME", "VALUE", "SOURCE"], rows: rows, format: format, total: answer.total, offset: paging.offset) {
            QueryOutput.lines(header: ["file", "line", "end_line", "name", "value"], rows: hits.map { h in
                [h.path, String(h.field.span.startLine), String(h.field.span.endLine), h.field.name, h.field.value]
            })
        }
    }
}
