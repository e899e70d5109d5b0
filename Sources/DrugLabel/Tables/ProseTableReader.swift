/// Rebuilds a table whose cells are prose (grading-and-management tables such as `表 3.  CRS
/// 分级以及处理建议`): one row per grade line (`1 级`), each cell the text that follows in
/// reading order.
///
/// PDF extraction interleaves such cells column by column and leaves little to go on: a line
/// ending in a space ends a paragraph, a line holding only a space separates paragraphs of one
/// cell, and a paragraph ended with no such line before the next one starts the next cell. The
/// reconstruction follows that evidence and says in a diagnostic wherever it runs out.
struct ProseTableReader: Sendable {
    let rules: TableRules
    let joiner: WrapJoiner

    struct Result {
        var columns: [[String]]
        var columnFootnotes: [String]
        var rows: [Table.Row]
        /// Index in the given lines where the rows stopped.
        var end: Int
        var diagnostics: [Diagnostic]
    }

    func read(_ lines: [SourceLine], tableID: String) -> Result {
        var diagnostics: [Diagnostic] = []
        let firstGrade = lines.firstIndex { rules.isGradeRow($0.text) } ?? lines.count
        let headerTokens = lines[..<firstGrade].filter { !$0.isBlank }.flatMap { HeaderTokens.split($0.text) }
        let columns = headerTokens.map { [$0.text] }
        var rows: [Table.Row] = []
        var i = firstGrade
        var end = lines.count
        while i < lines.count {
            let grade = lines[i]
            var j = i + 1
            while j < lines.count, !rules.isGradeRow(lines[j].text), !startsTrailer(lines[j].text) { j += 1 }
            let (blocks, mixed) = cells(lines[(i + 1)..<j])
            var cells = blocks.map { Table.Cell(raw: $0) }
            for line in mixed {
                diagnostics.append(Diagnostic(.warning, "table.proseMixedLine",
                                              "\(tableID), \(grade.text): this line is indented unlike its neighbours: text of two cells may meet here; kept in reading order",
                                              line: line))
            }
            if !columns.isEmpty, cells.count != columns.count {
                diagnostics.append(Diagnostic(.warning, "table.proseCellCount",
                                              "\(tableID), \(grade.text): \(cells.count) blocks of text for \(columns.count) columns; which block belongs to which column is uncertain",
                                              line: grade.number))
                if cells.count < columns.count {
                    cells += Array(repeating: Table.Cell(raw: "", flags: [.missing]), count: columns.count - cells.count)
                }
            }
            let last = lines[..<j].last { !$0.isBlank }?.number ?? grade.number
            rows.append(Table.Row(group: nil, label: grade.text, footnotes: [], unit: nil, statistic: nil, cells: cells,
                                  span: SourceSpan(startLine: grade.number, endLine: last)))
            i = j
            if j < lines.count, startsTrailer(lines[j].text) { end = j; break }
        }
        if !rows.isEmpty {
            diagnostics.append(Diagnostic(.info, "table.proseRebuilt",
                                          "\(tableID): a table of prose cells, rebuilt one row per grade with cells in reading order; check against the source",
                                          line: rows[0].span.startLine))
        }
        return Result(columns: columns, columnFootnotes: headerTokens.flatMap(\.footnotes), rows: rows, end: end, diagnostics: diagnostics)
    }

    private func startsTrailer(_ text: String) -> Bool {
        rules.footnoteDefinition(text) != nil || rules.isNote(text)
    }

    /// The blocks of text of one row, and the lines that mix two cells (` 高。 如果症状未改善…`).
    private func cells(_ lines: ArraySlice<SourceLine>) -> (blocks: [String], mixed: [Int]) {
        var blocks: [[String]] = []
        var paragraph: String?
        var paragraphEnded = false
        var spacer = false
        var mixed: [Int] = []
        for line in lines {
            if line.isBlank {
                // A line holding only a space: the next paragraph is in the same cell.
                if line.leadingSpace { spacer = true }
                continue
            }
            // pdftotext indents a line that it took from another place on the page: here, where
            // one column's text breaks into another's.
            if line.leadingSpace { mixed.append(line.number) }
            let opensWithClosing = line.text.first.map { "，,。）)、；".contains($0) } ?? false
            if paragraph != nil, !paragraphEnded || opensWithClosing {
                WrapJoiner.append(&paragraph!, line.text)
            } else {
                if let p = paragraph { blocks[blocks.count - 1].append(p) }
                if paragraph == nil || !spacer { blocks.append([]) }
                paragraph = line.text
            }
            paragraphEnded = line.trailingSpace || joiner.endsSentence(line.text)
            spacer = false
        }
        if let p = paragraph { blocks[blocks.count - 1].append(p) }
        return (blocks.map { $0.joined(separator: "\n") }, mixed)
    }
}
