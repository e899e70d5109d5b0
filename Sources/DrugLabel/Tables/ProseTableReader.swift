/// Rebuilds a table whose cells are prose (grading-and-management tables such as `表 3.  CRS
/// 分级以及处理建议`): one row per grade line (`1 级`), each cell the text that follows in
/// reading order.
///
/// PDF extraction interleaves such cells column by column and leaves little to go on: a line
/// ending in a space ends a paragraph, a line holding only a space separates paragraphs of one
/// cell, and a paragraph ended with no such line before the next one starts the next cell. The
/// reconstruction follows that evidence and says in a diagnostic wherever it runs out, and flags
/// the cells there `uncertainColumn`.
struct ProseTableReader: Sendable {
    let rules: TableRules
    let joiner: WrapJoiner

    struct Result {
        var columns: [[String]]
        /// The footnote marks after each column's label (`CRS 分级 a`).
        var columnFootnotes: [[String]]
        /// Text spanning every row.
        var notes: [String]
        var rows: [Table.Row]
        /// Index in the given lines where the rows stopped.
        var end: Int
        var diagnostics: [Diagnostic]
    }

    func read(_ lines: [SourceLine], tableID: String) -> Result {
        var diagnostics: [Diagnostic] = []
        let firstGrade = lines.firstIndex { rules.isGradeRow($0) } ?? lines.count
        let headerTokens = lines[..<firstGrade].filter { !$0.isBlank }.flatMap { HeaderTokens.split($0.text) }
        let columns = headerTokens.map { [$0.text] }
        var grades: [(line: SourceLine, blocks: [(text: String, span: SourceSpan?)], uncertain: Bool, last: Int)] = []
        var i = firstGrade
        var end = lines.count
        while i < lines.count {
            let grade = lines[i]
            var j = i + 1
            while j < lines.count, !rules.isGradeRow(lines[j]), !startsTrailer(lines[j].text) { j += 1 }
            let (blocks, mixed, uncertain) = cells(lines[(i + 1)..<j])
            for line in mixed {
                diagnostics.append(Diagnostic(.warning, "table.proseMixedLine",
                                              "\(tableID), \(grade.text): this line is indented unlike its neighbours: text of two cells may meet here; kept in reading order",
                                              line: line))
            }
            grades.append((grade, blocks, uncertain, lines[..<j].last { !$0.isBlank }?.number ?? grade.number))
            i = j
            if j < lines.count, startsTrailer(lines[j].text) { end = j; break }
        }
        // The same last block under every grade (`考虑使用左乙拉西坦预防癫痫发作。`) is one cell
        // spanning the row, not a column of its own: it becomes a note of the table.
        var notes: [String] = []
        if grades.count > 1, let shared = grades[0].blocks.last?.text,
           grades.allSatisfy({ $0.blocks.count > 1 && $0.blocks.last?.text == shared }) {
            notes.append("\(shared)（\(grades.map(\.line.text).joined(separator: "、"))）")
            grades = grades.map { ($0.line, Array($0.blocks.dropLast()), $0.uncertain, $0.last) }
            diagnostics.append(Diagnostic(.info, "table.proseSpanningText",
                                          "\(tableID): “\(shared)” ends every grade's row; read as one cell spanning the row and kept as a note",
                                          line: grades[0].line.number))
        }
        var rows: [Table.Row] = []
        for (grade, blocks, uncertain, last) in grades {
            // A row where pdftotext jumped between columns (a mixed line) has lost its reading
            // order: any of its blocks may sit under another column (seen: a dexamethasone
            // instruction under 托珠单抗). Its cells are flagged, so that a page or a grid marks
            // them and a dose read from one says so.
            let rowSpan = SourceSpan(startLine: grade.number, endLine: last)
            var cells = blocks.map { block in
                Table.Cell(raw: block.text, flags: uncertain && !block.text.isEmpty ? [.uncertainColumn] : nil,
                           span: block.span ?? rowSpan)
            }
            if !columns.isEmpty, cells.count == columns.count - 1 {
                // Only the grade stands in the first column (`分级评估`): the text starts in the second.
                cells.insert(Table.Cell(raw: "", span: grade.span), at: 0)
            } else if !columns.isEmpty, cells.count != columns.count {
                diagnostics.append(Diagnostic(.warning, "table.proseCellCount",
                                              "\(tableID), \(grade.text): \(cells.count) blocks of text for \(columns.count) columns; which block belongs to which column is uncertain; its cells are flagged uncertainColumn",
                                              line: grade.number))
                cells = cells.map { cell in
                    var c = cell
                    if !c.raw.isEmpty, c.flags?.contains(.uncertainColumn) != true { c.flags = (c.flags ?? []) + [.uncertainColumn] }
                    return c
                }
                if cells.count < columns.count {
                    cells += Array(repeating: Table.Cell(raw: "", flags: [.missing], span: rowSpan), count: columns.count - cells.count)
                }
            }
            rows.append(Table.Row(group: nil, label: grade.text, footnotes: [], unit: nil, statistic: nil, cells: cells, span: rowSpan))
        }
        if !rows.isEmpty {
            diagnostics.append(Diagnostic(.info, "table.proseRebuilt",
                                          "\(tableID): a table of prose cells, rebuilt one row per grade with cells in reading order; check against the source",
                                          line: rows[0].span.startLine))
        }
        return Result(columns: columns, columnFootnotes: headerTokens.map(\.footnotes), notes: notes, rows: rows, end: end, diagnostics: diagnostics)
    }

    private func startsTrailer(_ text: String) -> Bool {
        rules.footnoteOpening(text) != nil || rules.isNote(text)
    }

    /// The blocks of text of one row, and the indented lines where two cells' text may meet.
    ///
    /// An indented line that interrupts an unfinished paragraph is pdftotext jumping back to the
    /// column before: the unfinished paragraph waits, the indented text joins the block before,
    /// and the next line that would open a new block finishes the waiting paragraph instead
    /// (`如果症状改善，继续使用皮质类固` … ` 如果症状改善，继续使用皮质类固醇，直至严` … `醇，直至…`).
    /// The first scalars of the marks that never open a paragraph.
    private static let closings = ScalarSet("，,。）)、；")

    private func cells(_ lines: ArraySlice<SourceLine>) -> (blocks: [(text: String, span: SourceSpan?)], mixed: [Int], uncertain: Bool) {
        var blocks: [[String]] = []
        // The lines each block's paragraphs came from, kept beside them.
        var spans: [SourceSpan?] = []
        var current = -1
        var paragraph: String?
        var paragraphSpan = SourceSpan(line: 0)
        var paragraphEnded = false
        var spacer = false
        var parked: (block: Int, text: String, span: SourceSpan)?
        var mixed: [Int] = []
        func finish() {
            if let p = paragraph, current >= 0 {
                blocks[current].append(p)
                spans[current] = spans[current].map { $0.union(paragraphSpan) } ?? paragraphSpan
            }
            paragraph = nil
        }
        for line in lines {
            if line.isBlank {
                // A line holding only a space: the next paragraph is in the same cell.
                if line.leadingSpace { spacer = true }
                continue
            }
            // pdftotext indents a line that it took from another place on the page.
            if line.leadingSpace { mixed.append(line.number) }
            // `…甲泼尼龙 1000 ` / `mg，每日 3 次…`: a unit never opens a paragraph.
            // The first scalar rules most lines out before the Characters are compared.
            let opensWithClosing = line.text.firstScalar.map { ProseTableReader.closings.contains($0) || ("a"..."z").contains($0) } == true
                && line.text.first.map { "，,。）)、；".contains($0) || ("a"..."z").contains($0) } == true
            if paragraph != nil, line.leadingSpace, !paragraphEnded, !opensWithClosing, parked == nil, current >= 0 {
                // With no block before, the waiting paragraph opens the next block when it resumes.
                parked = (current > 0 ? current : -1, paragraph!, paragraphSpan)
                paragraph = line.text
                paragraphSpan = line.span
                current = max(0, current - 1)
            } else if paragraph != nil, !paragraphEnded || opensWithClosing {
                WrapJoiner.append(&paragraph!, line.text)
                paragraphSpan = paragraphSpan.union(line.span)
            } else if let waiting = parked, !spacer {
                finish()
                if waiting.block < 0 { blocks.append([]); spans.append(nil); current = blocks.count - 1 } else { current = waiting.block }
                paragraph = WrapJoiner.join(waiting.text, line.text)
                paragraphSpan = waiting.span.union(line.span)
                parked = nil
            } else {
                finish()
                if current < 0 || !spacer {
                    blocks.append([])
                    spans.append(nil)
                    current = blocks.count - 1
                }
                paragraph = line.text
                paragraphSpan = line.span
            }
            paragraphEnded = line.trailingSpace || joiner.endsSentence(line.text)
            spacer = false
        }
        finish()
        if let waiting = parked {
            if waiting.block < 0 {
                blocks.append([waiting.text])
                spans.append(waiting.span)
            } else {
                blocks[waiting.block].append(waiting.text)
                spans[waiting.block] = spans[waiting.block].map { $0.union(waiting.span) } ?? waiting.span
            }
        }
        return (zip(blocks, spans).map { ($0.joined(separator: "\n"), $1) }, mixed, !mixed.isEmpty)
    }
}
