/// Types a table the document itself holds (a .docx or HTML table, a table rebuilt from a PDF
/// page's geometry): every cell is where the document put it, so nothing is placed from the
/// left or guessed. The header rows, stub columns and group rows are told apart by what the
/// cells hold; labels, marks, units and values are read as the text tables' are (`RowLabel`,
/// `CellReader`), so a table reads the same whichever format it came in.
struct GridTableReader: Sendable {
    let rules: TableRules

    struct Result {
        var kind: Table.Kind
        var stub: [String] = []
        var columns: [[String]] = []
        var columnFootnotes: [[String]] = []
        var arms: [Table.Arm] = []
        var groups: [Table.Group] = []
        var rows: [Table.Row] = []
    }

    /// Which cell covers each slot of the grid.
    private struct Slots {
        var cover: [[Int?]]

        init(_ grid: DocumentGrid) {
            let rows = max(grid.rowCount, 0), columns = min(max(grid.columnCount, 0), 4096)
            cover = Array(repeating: Array(repeating: nil, count: columns), count: rows)
            for (i, cell) in grid.cells.enumerated() where cell.row >= 0 && cell.row < rows && cell.column >= 0 && cell.column < columns {
                for r in cell.row..<min(cell.row + cell.rowSpan, rows) where r >= 0 {
                    for c in cell.column..<min(cell.column + cell.columnSpan, columns) where c >= 0 {
                        if cover[r][c] == nil { cover[r][c] = i }
                    }
                }
            }
        }

        subscript(r: Int, c: Int) -> Int? {
            r >= 0 && r < cover.count && c >= 0 && c < cover[r].count ? cover[r][c] : nil
        }
    }

    func read(_ grid: DocumentGrid) -> Result {
        let slots = Slots(grid)
        let lexer = ValueLexer(rules: rules)
        func cell(_ r: Int, _ c: Int) -> DocumentGrid.Cell? { slots[r, c].map { grid.cells[$0] } }
        /// The cell that starts at this slot (not one spanning into it).
        func own(_ r: Int, _ c: Int) -> DocumentGrid.Cell? {
            guard let x = cell(r, c), x.row == r, x.column == c else { return nil }
            return x
        }
        func isValue(_ x: DocumentGrid.Cell?) -> Bool {
            guard let x, !x.paragraphs.isEmpty else { return false }
            let text = x.paragraphs.joined(separator: " ")
            return lexer.isValue(text) || rules.isMissing(text) || rules.isNotANumber(text)
        }
        let rowCount = slots.cover.count, columnCount = slots.cover.first?.count ?? 0
        guard rowCount > 0, columnCount > 0 else { return Result(kind: .numeric) }

        // A grade in the first column of a body row makes a prose table (`1 级`, `2 级`).
        let isProse = (1..<rowCount).contains { r in
            guard let first = own(r, 0)?.paragraphs.first else { return false }
            return rules.isGradeRow(SourceLine(number: 0, text: first))
        }
        // Stub columns: those left of the first column where any cell holds a value.
        let firstValueColumn = isProse ? 1 : (0..<columnCount).first { c in (0..<rowCount).contains { isValue(own($0, c)) } }
        // A table of words only (`系统器官分类 | 不良反应 | 发生频率` over `常见`, `罕见`) has no
        // value to tell its header by: its header is the first row, with what that row's cells
        // span down, and its stub the first column, or the first two when the first groups the
        // rows (merged down, or left blank beside rows that have text).
        let header = (0..<columnCount).compactMap { own(0, $0)?.rowSpan }.max() ?? 1
        let wordsHeader = min(max(header, 1), max(rowCount - 1, 1))
        let groupsRows = columnCount >= 3 && (wordsHeader..<max(wordsHeader, rowCount)).contains { r in
            guard let x = cell(r, 0) else { return own(r, 1).map { !$0.paragraphs.isEmpty } ?? false }
            return x.row == r ? x.rowSpan > 1 || (x.paragraphs.isEmpty && own(r, 1).map { !$0.paragraphs.isEmpty } ?? false) : false
        }
        let stubColumns = max(1, firstValueColumn ?? (groupsRows ? 2 : 1))
        func isGroupRow(_ r: Int) -> Bool {
            guard let first = own(r, 0), !first.paragraphs.isEmpty else { return false }
            if first.columnSpan >= columnCount { return true }
            return (1..<columnCount).allSatisfy { c in
                guard let x = cell(r, c) else { return true }
                return x.paragraphs.isEmpty || (x.row < r && x.column == 0)
            } && stubColumns < columnCount
        }
        // Header rows: those before the first row with a value or a grade; a group row right
        // under the header is no header.
        var headerRows = 0
        while firstValueColumn != nil || isProse, headerRows < rowCount {
            let r = headerRows
            if isProse ? rules.isGradeRow(SourceLine(number: 0, text: own(r, 0)?.paragraphs.first ?? "")) : (0..<columnCount).contains(where: { isValue(own(r, $0)) }) { break }
            if r > 0 && isGroupRow(r) { break }
            headerRows += 1
        }
        headerRows = firstValueColumn == nil && !isProse ? wordsHeader : min(headerRows, max(rowCount - 1, 1))

        var result = Result(kind: isProse ? .prose : .numeric)
        // The header: stub labels, then one path per value column; arms where a header cell
        // names one (`ZUMA-1（N=108）`) and the value columns under it.
        var seenStub = Set<Int>()
        for r in 0..<headerRows {
            for c in 0..<stubColumns {
                guard let i = slots[r, c], seenStub.insert(i).inserted else { continue }
                let text = GridTableReader.join(grid.cells[i].paragraphs)
                if !text.isEmpty && !isProse { result.stub.append(text) }
            }
        }
        var armCells: [Int: Int] = [:]
        for c in stubColumns..<max(stubColumns, columnCount) {
            var path: [String] = []
            var marks: [String] = []
            var last: Int?
            for r in 0..<headerRows {
                guard let i = slots[r, c], i != last else { continue }
                last = i
                let written = GridTableReader.join(grid.cells[i].paragraphs)
                guard !written.isEmpty else { continue }
                let (text, own) = GridTableReader.liftMarks(written)
                let found = rules.arms(in: text)
                if let arm = found.last {
                    path.append(String(text[..<arm.range.upperBound]).trimmingSpaces())
                    if armCells[i] == nil {
                        armCells[i] = result.arms.count
                        let name = String(text[..<arm.range.lowerBound]).trimmingSpaces()
                        result.arms.append(Table.Arm(name: name, n: arm.n, footnotes: own, columns: []))
                    }
                    result.arms[armCells[i]!].columns.append(result.columns.count)
                } else {
                    path.append(text)
                    marks += own
                }
            }
            result.columns.append(path)
            result.columnFootnotes.append(marks)
        }
        if !result.columnFootnotes.contains(where: { !$0.isEmpty }) { result.columnFootnotes = [] }

        if isProse {
            // The grade column is the label: its first paragraph the grade, the rest its cell.
            if let c = own(0, 0) {
                let (text, marks) = GridTableReader.liftMarks(GridTableReader.join(c.paragraphs))
                result.columns.insert([text], at: 0)
                if !result.columnFootnotes.isEmpty || !marks.isEmpty {
                    if result.columnFootnotes.isEmpty { result.columnFootnotes = Array(repeating: [], count: result.columns.count - 1) }
                    result.columnFootnotes.insert(marks, at: 0)
                }
            }
            for r in headerRows..<rowCount {
                guard let first = own(r, 0), let grade = first.paragraphs.first else { continue }
                var cells = [Table.Cell(raw: first.paragraphs.dropFirst().joined(separator: "\n"), span: first.span ?? grid.span)]
                var span = first.span ?? grid.span
                for c in 1..<columnCount {
                    let x = own(r, c)
                    let raw = x?.paragraphs.joined(separator: "\n") ?? ""
                    var typed = Table.Cell(raw: raw, span: x?.span ?? span)
                    if x == nil, cell(r, c) != nil { typed.flags = [.merged] }
                    if let s = x?.span { span = span.union(s) }
                    cells.append(typed)
                }
                result.rows.append(Table.Row(group: nil, label: grade, footnotes: [], unit: nil, statistic: nil, cells: cells, span: span))
            }
            return result
        }

        var group: (label: String, index: Int?)?
        var groupCells = Set<Int>()
        for r in headerRows..<rowCount {
            if isGroupRow(r), let first = own(r, 0) {
                let label = RowLabel(GridTableReader.join(first.paragraphs), rules: rules)
                result.groups.append(Table.Group(label: label.text, footnotes: label.footnotes, span: first.span ?? grid.span))
                group = (label.text, slots[r, 0])
                continue
            }
            // A stub column left of the label's is the group, merged down its rows.
            if stubColumns >= 2, let i = slots[r, 0] {
                let x = grid.cells[i]
                if x.paragraphs.isEmpty {
                    // No group written: the row stands under the last one.
                } else if groupCells.insert(i).inserted {
                    let label = RowLabel(GridTableReader.join(x.paragraphs), rules: rules)
                    result.groups.append(Table.Group(label: label.text, footnotes: label.footnotes, span: x.span ?? grid.span))
                    group = (label.text, i)
                }
            }
            guard let labelCell = cell(r, stubColumns - 1) else { continue }
            let label = RowLabel(GridTableReader.join(labelCell.paragraphs), rules: rules)
            let isRange = label.statistic.map { s in
                let folded = TextFold.standard.fold(s)
                return rules.rangeStatistics.contains { folded.contains($0) }
            } ?? false
            var span = labelCell.span ?? grid.span
            var cells: [Table.Cell] = []
            let reader = CellReader(rules: rules)
            for c in stubColumns..<columnCount {
                if let x = own(r, c) {
                    var typed = reader.cell(x.paragraphs.joined(separator: " "), intervalIsRange: isRange)
                    typed.span = x.span ?? span
                    if let s = x.span { span = span.union(s) }
                    cells.append(typed)
                } else if cell(r, c) != nil {
                    cells.append(Table.Cell(raw: "", flags: [.merged], span: span))
                } else {
                    cells.append(Table.Cell(raw: "", span: span))
                }
            }
            result.rows.append(Table.Row(group: group?.label, label: label.text, footnotes: label.footnotes, unit: label.unit,
                                         statistic: label.statistic, cells: cells, span: span))
        }
        return result
    }

    /// A cell's paragraphs as one label: wrapped lines joined as the text tables join them.
    static func join(_ paragraphs: [String]) -> String {
        paragraphs.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.reduce("") { $0.isEmpty ? $1 : WrapJoiner.join($0, $1) }
    }

    /// Footnote marks written after a header's text (`CRS 分级 a`, `（N=180） e`): each a lone
    /// lower-case letter after a space, taken from the end.
    static func liftMarks(_ text: String) -> (String, [String]) {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var marks: [String] = []
        while words.count > 1, let last = words.last {
            let pieces = last.split(separator: ",").map(String.init)
            guard pieces.allSatisfy(HeaderTokens.isMark) else { break }
            marks.insert(contentsOf: pieces, at: 0)
            words.removeLast()
        }
        return marks.isEmpty ? (text, []) : (words.joined(separator: " "), marks)
    }
}
