import PDFBridge

/// A ruled table of a PDF page with its text: each character in the cell its centre falls in,
/// a cell's lines in order, its wrapped lines joined into the paragraphs they were.
struct PDFTable {
    var rows: [[ReadCell]]
    var grid: PDFTableFinder.Grid
    var page: Int

    init(grid: PDFTableFinder.Grid, lines: [(line: PDFLine, pageLine: Int)], chars: UnsafeBufferPointer<dl_pdf_char>, page: Int) {
        self.grid = grid
        self.page = page
        // Each cell's characters in poppler's order, a line apart where poppler's line changes;
        // a space goes with the character before it (its box is poppler's guess).
        var byCell: [Int: [[dl_pdf_char]]] = [:]
        var firstLine: [Int: Int] = [:]
        for (n, (line, pageLine)) in lines.enumerated() {
            var last: Int?
            var lineOf: [Int: Int] = [:]
            for i in line.range where i < chars.count {
                let c = chars[i]
                guard c.scalar != 0x0A else { continue }
                let visible = c.scalar > 0x20 && c.scalar != 0xA0 && c.scalar != 0x3000
                guard let cell = visible ? grid.cell(x: (c.x0 + c.x1) / 2, y: (c.y0 + c.y1) / 2) : last else { continue }
                last = cell
                if lineOf[cell] != n {
                    lineOf[cell] = n
                    byCell[cell, default: []].append([])
                }
                byCell[cell]![byCell[cell]!.count - 1].append(c)
                if firstLine[cell] == nil { firstLine[cell] = pageLine }
            }
        }
        var rows: [[ReadCell]] = Array(repeating: [], count: max(grid.rows.count - 1, 0))
        for (k, cell) in grid.cells.enumerated() {
            let right = grid.columns[min(cell.column + cell.columnSpan, grid.columns.count - 1)]
            let paragraphs = PDFTable.paragraphs(byCell[k] ?? [], right: right)
            rows[cell.row].append(ReadCell(paragraphs: paragraphs, column: cell.column, rowSpan: cell.rowSpan,
                                           columnSpan: cell.columnSpan, page: page, pageLine: firstLine[k]))
        }
        self.rows = rows
    }

    /// A cell's lines (poppler's, in order of their baselines), joined where one was wrapped:
    /// it ran to the cell's right edge, or the next line's first word would not have fitted after
    /// it, and it does not end a sentence.
    static func paragraphs(_ lines: [[dl_pdf_char]], right: Double) -> [String] {
        let read: [(line: PDFLine, firstWord: Double)] = visualLines(lines).compactMap { chars in
            guard let line = chars.withUnsafeBufferPointer({ PDFLine($0) }) else { return nil }
            return (line, LineBreakRoom.needed(chars.map { ($0.scalar, $0.x0, $0.x1) }))
        }.sorted { $0.line.bottom < $1.line.bottom }
        var paragraphs: [String] = []
        var current = ""
        for (k, (line, _)) in read.enumerated() {
            let text = line.text.trimmingSpaces()
            current = current.isEmpty ? text : join(current, text)
            let ends = text.unicodeScalars.last.map { "。；！？：".unicodeScalars.contains($0) } ?? true
            let room = right - cellPadding - line.right
            // A paragraph does not end inside brackets (`（不超过` / `800 mg）。`), however
            // much room its line left.
            let open = current.unicodeScalars.reduce(0) { $0 + ($1 == "（" || $1 == "(" ? 1 : $1 == "）" || $1 == ")" ? -1 : 0) }
            let wrapped = k + 1 < read.count && !ends && (room < 1.5 * line.size || read[k + 1].firstWord > room || open > 0)
            if !wrapped {
                if !current.isEmpty { paragraphs.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// Poppler's lines of a cell regrouped by where they stand: a raised mark poppler gives a
    /// line of its own (`客观缓解率` `a` `（ORR）`) is on the line it overlaps. Characters left to
    /// right, a space where the gap between two is a space's width or more.
    static func visualLines(_ lines: [[dl_pdf_char]]) -> [[dl_pdf_char]] {
        var groups: [[dl_pdf_char]] = []
        var extents: [(top: Double, bottom: Double)] = []
        for line in lines {
            let visible = line.filter { $0.scalar > 0x20 && $0.scalar != 0xA0 && $0.scalar != 0x3000 }
            guard let top = visible.map(\.y0).min(), let bottom = visible.map(\.y1).max() else { continue }
            if let k = extents.firstIndex(where: { e in
                min(e.bottom, bottom) - max(e.top, top) > 0.3 * min(e.bottom - e.top, bottom - top)
            }) {
                groups[k] += visible
                extents[k] = (min(extents[k].top, top), max(extents[k].bottom, bottom))
            } else {
                groups.append(visible)
                extents.append((top, bottom))
            }
        }
        return groups.map { group in
            let sorted = group.sorted { $0.x0 < $1.x0 }
            let size = sorted.map(\.fontSize).max() ?? 0
            var out: [dl_pdf_char] = []
            for c in sorted {
                if let last = out.last, c.x0 - last.x1 > 0.2 * size {
                    var space = last
                    space.scalar = 0x20
                    space.x0 = last.x1
                    space.x1 = c.x0
                    out.append(space)
                }
                out.append(c)
            }
            return out
        }
    }

    /// Word's and LibreOffice's default cell margin, in points (0.19 cm).
    static let cellPadding = 5.4

    static func join(_ a: String, _ b: String) -> String {
        guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.first else { return a + b }
        return x.isASCIIWord && y.isASCIIWord ? a + " " + b : a + b
    }

    /// A table that runs on at the top of the next page, under the same column edges, is one
    /// table: its rows are added to the first part's, the header rows it repeats left out.
    static func joinContinued(_ pages: inout [[PDFReader.Item]]) {
        guard pages.count > 1 else { return }
        for p in 1..<pages.count {
            guard let first = pages[p].firstIndex(where: { if case .table = $0 { return true } else { return false } }),
                  case .table(let next) = pages[p][first],
                  // Only lines at the top of the page before it: a running header, a page number.
                  pages[p][..<first].allSatisfy({ if case .line(let l, _) = $0 { return l.bottom <= next.grid.top } else { return false } }),
                  let (q, k) = lastTable(before: p, in: pages), case .table(var previous) = pages[q][k],
                  let edges = matchedEdges(next.grid.columns, previous.grid.columns) else { continue }
            // A part whose rows merge columns the first part divides has fewer column edges:
            // its cells are placed on the first part's columns.
            let rows = next.rows.map { row in
                row.map { cell -> ReadCell in
                    var cell = cell
                    let from = edges[min(cell.column, edges.count - 1)]
                    let to = edges[min(cell.column + cell.columnSpan, edges.count - 1)]
                    cell.column = from
                    cell.columnSpan = max(1, to - from)
                    return cell
                }
            }
            // The rows it repeats: those at its top that read as the first part's first rows.
            var repeated = 0
            while repeated < rows.count, repeated < previous.rows.count,
                  rows[repeated].map(\.paragraphs) == previous.rows[repeated].map(\.paragraphs) {
                repeated += 1
            }
            var rest = Array(rows.dropFirst(repeated))
            // A cell merged down across the page break goes on: the part on this page (blank)
            // lengthens the part above, which holds the text.
            var lengthened: [Int] = []
            if var top = rest.first {
                for cell in top where cell.paragraphs.isEmpty {
                    guard let r = previous.rows.indices.last(where: { r in
                        previous.rows[r].contains { $0.column == cell.column && r + $0.rowSpan == previous.rows.count && !$0.paragraphs.isEmpty }
                    }), let k = previous.rows[r].firstIndex(where: { $0.column == cell.column }) else { continue }
                    previous.rows[r][k].rowSpan += cell.rowSpan
                    lengthened.append(cell.column)
                    top.removeAll { $0.column == cell.column }
                }
                rest[0] = top
            }
            // A row broken by the page: its second part has text only where the first part's
            // cells ran on, and no cell of its own that starts a row (a label with values).
            if let split = rest.first, let last = previous.rows.last, isRunOn(split, of: last) {
                previous.rows[previous.rows.count - 1] = last.map { cell in
                    var cell = cell
                    if let more = split.first(where: { $0.column == cell.column }), !more.paragraphs.isEmpty {
                        // A sentence the page broke goes on; one it ended is followed by a paragraph.
                        if let end = cell.paragraphs.last, let start = more.paragraphs.first,
                           !(end.unicodeScalars.last.map { "。；！？;!?".unicodeScalars.contains($0) } ?? true) {
                            cell.paragraphs[cell.paragraphs.count - 1] = join(end, start)
                            cell.paragraphs += more.paragraphs.dropFirst()
                        } else {
                            cell.paragraphs += more.paragraphs
                        }
                    }
                    return cell
                }
                rest.removeFirst()
                // The broken row was one row, not two: the cells lengthened over it are one shorter.
                for column in lengthened {
                    if let r = previous.rows.indices.last(where: { r in previous.rows[r].contains { $0.column == column } }),
                       let k = previous.rows[r].firstIndex(where: { $0.column == column }) {
                        previous.rows[r][k].rowSpan -= 1
                    }
                }
            }
            previous.rows += rest
            pages[q][k] = .table(previous)
            pages[p][first] = .continued(next.grid, page: q, index: k)
        }
    }

    /// For each column edge of a table's next part, the edge of the first part it stands on;
    /// nil unless both outer edges and every inner one stand on one.
    private static func matchedEdges(_ next: [Double], _ first: [Double]) -> [Int]? {
        var out: [Int] = []
        for x in next {
            guard let k = first.firstIndex(where: { abs($0 - x) <= 3 }) else { return nil }
            out.append(k)
        }
        guard out.first == 0, out.last == first.count - 1, out == out.sorted() else { return nil }
        return out
    }

    /// The top row of a table's part on the next page is the rest of the row the page broke
    /// when its cells sit under the same columns and none holds a number where the broken row's
    /// cell in that column holds none (a value column the first part filled is blank here).
    private static func isRunOn(_ row: [ReadCell], of previous: [ReadCell]) -> Bool {
        let hasDigit = { (cell: ReadCell) in cell.paragraphs.contains { $0.unicodeScalars.contains { ("0"..."9").contains($0) } } }
        let above = Dictionary(previous.map { ($0.column, $0) }, uniquingKeysWith: { a, _ in a })
        let written = row.filter { !$0.paragraphs.isEmpty }
        guard !written.isEmpty else { return false }
        // Every cell with text runs on a cell of the broken row, and holds no number where that
        // cell holds none; a value the broken row has is not repeated here.
        return written.allSatisfy { cell in above[cell.column].map { !hasDigit(cell) || hasDigit($0) } ?? false }
            && previous.contains { theirs in hasDigit(theirs) && !row.contains { $0.column == theirs.column && !$0.paragraphs.isEmpty } }
    }

    /// The last table of the pages before `p` (or the table a part there was joined to), when
    /// nothing but page furniture follows it on its page.
    private static func lastTable(before p: Int, in pages: [[PDFReader.Item]]) -> (Int, Int)? {
        let q = p - 1
        guard let k = pages[q].lastIndex(where: {
            switch $0 { case .table, .continued: return true; default: return false }
        }) else { return nil }
        let bottom: Double, target: (Int, Int)
        switch pages[q][k] {
        case .table(let t): (bottom, target) = (t.grid.bottom, (q, k))
        case .continued(let grid, let page, let index): (bottom, target) = (grid.bottom, (page, index))
        case .line: return nil
        }
        // Lines after it must be below it (the page's footer), not the prose that follows.
        let after = pages[q][(k + 1)...]
        let onlyFooter = after.count <= 3 && after.allSatisfy { if case .line(let l, _) = $0 { return l.top >= bottom } else { return false } }
        return onlyFooter ? target : nil
    }
}
