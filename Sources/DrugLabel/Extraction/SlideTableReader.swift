/// Reads key/value fields from tables of slides exported to Markdown: tab-separated rows whose
/// cells alternate name and value (`药品通用名称\t阿基仑赛注射液\t是否为独家\t是`).
struct SlideTableReader {
    /// A name cell is short; a longer one is prose in a table, not a field name.
    private let maxNameLength = 30
    /// Cells are HTML fragments (`<p>…</p>`, `<b>`).
    var markup: HTMLMarkup = .standard

    func read(_ lines: [SourceLine]) -> [FormFieldExtractor.RawField] {
        var fields: [FormFieldExtractor.RawField] = []
        for line in lines where line.text.contains("\t") {
            let cells = line.text.split(separator: "\t", omittingEmptySubsequences: false)
                .map { markup.plainText(String($0)).trimmingSpaces() }
            var k = 0
            while k + 1 < cells.count {
                let name = cells[k], value = cells[k + 1]
                if !name.isEmpty, name.count <= maxNameLength, !value.isEmpty {
                    fields.append(.init(name: name.collapsingSpaces(), value: value, span: line.span))
                }
                k += 2
            }
        }
        return fields
    }
}
