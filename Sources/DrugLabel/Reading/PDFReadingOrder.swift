/// Puts back together a line of prose that poppler's reading order split at a wide gap.
///
/// Poppler groups a page's words into blocks and flows, and a gap of an em or two inside a line
/// (`禁用。　　2.心、肝…`: labels copied from the web keep ideographic spaces between their
/// numbered items) looks to it like a gutter. It then reads the pieces left of the gap down the
/// page, then the pieces right of it: sentences come out of order, `2.心、肝、肾功能不` after
/// the line that finishes it. A true gutter runs down the page: many rows have text on both
/// sides of it, and no row crosses it. A gap that only a row or two share is inside the line.
///
/// So a run of lines between tables whose split rows all have such gaps is read row by row, top
/// to bottom, each row's pieces left to right. A run with a true gutter, or with no split row,
/// keeps poppler's order: that order is what reads a two-column page column by column.
enum PDFReadingOrder {
    /// Rows with text on both sides of a gap, with none crossing it in between, that make the
    /// gap a gutter. A two-column page has dozens; a gap that happens to fall at one place on a
    /// few consecutive lines of prose has two or three.
    static let gutterRows = 4
    /// How far up and down the rows are looked at: enough for a gutter to show, and a bound on
    /// the cost of a page of thousands of split rows.
    static let reach = 40

    static func repaired(_ items: [PDFReader.Item]) -> [PDFReader.Item] {
        var out: [PDFReader.Item] = []
        out.reserveCapacity(items.count)
        var run: [(line: PDFLine, pageLine: Int)] = []
        func flush() {
            out += physical(run).map { .line($0.line, pageLine: $0.pageLine) }
            run.removeAll()
        }
        for item in items {
            if case .line(let line, let k) = item { run.append((line, k)) } else { flush(); out.append(item) }
        }
        flush()
        return out
    }

    /// The run in reading order: as poppler gave it, or row by row when it split rows at gaps
    /// that are no gutter.
    static func physical(_ run: [(line: PDFLine, pageLine: Int)]) -> [(line: PDFLine, pageLine: Int)] {
        guard run.count >= 2 else { return run }
        let rows = self.rows(run.map(\.line))
        guard rows.contains(where: { $0.count > 1 }) else { return run }
        let lines = run.map(\.line)
        for (r, row) in rows.enumerated() where row.count > 1 {
            for (a, b) in zip(row, row.dropFirst()) where isGutter(at: (lines[a].right + lines[b].left) / 2, rows: rows, from: r, lines: lines) {
                return run
            }
        }
        return rows.map { row in
            var line = lines[row[0]]
            for (a, b) in zip(row, row.dropFirst()) {
                let next = lines[b]
                line.text += " " + next.text
                line.widestGap = max(line.widestGap, next.widestGap, next.left - lines[a].right)
                line.top = min(line.top, next.top)
                line.bottom = max(line.bottom, next.bottom)
                line.right = max(line.right, next.right)
                line.visibleCount += next.visibleCount
            }
            return (line, run[row[0]].pageLine)
        }
    }

    /// The lines grouped into rows (one baseline, no two pieces overlapping), rows top to
    /// bottom, each row's pieces left to right.
    static func rows(_ lines: [PDFLine]) -> [[Int]] {
        let order = lines.indices.sorted { (lines[$0].bottom, lines[$0].left, $0) < (lines[$1].bottom, lines[$1].left, $1) }
        var rows: [[Int]] = []
        for i in order {
            let line = lines[i]
            if let row = rows.last, let first = row.first,
               abs(lines[first].bottom - line.bottom) <= 0.25 * max(lines[first].size, line.size, 1),
               !row.contains(where: { lines[$0].left < line.right && line.left < lines[$0].right }) {
                rows[rows.count - 1].append(i)
            } else {
                rows.append([i])
            }
        }
        return rows.map { $0.sorted { lines[$0].left < lines[$1].left } }
    }

    /// Whether x is in a gutter: walking up and down from row `r` until a row crosses x, at
    /// least `gutterRows` rows have text on both sides of it.
    static func isGutter(at x: Double, rows: [[Int]], from r: Int, lines: [PDFLine]) -> Bool {
        func crosses(_ row: [Int]) -> Bool { row.contains { lines[$0].left < x && lines[$0].right > x } }
        func bothSides(_ row: [Int]) -> Bool {
            row.contains { lines[$0].right <= x } && row.contains { lines[$0].left >= x }
        }
        var count = 0
        var k = r
        while k >= 0, r - k <= reach, !crosses(rows[k]) {
            if bothSides(rows[k]) { count += 1 }
            k -= 1
        }
        k = r + 1
        while k < rows.count, k - r <= reach, !crosses(rows[k]) {
            if bothSides(rows[k]) { count += 1 }
            k += 1
        }
        return count >= gutterRows
    }
}
