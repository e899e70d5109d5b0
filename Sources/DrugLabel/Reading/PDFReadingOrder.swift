/// Puts back together a line of prose that poppler's reading order split at a wide gap.
///
/// Poppler groups a page's words into blocks and flows, and a gap of an em or two inside a line
/// (`禁用。　　2.心、肝…`: labels copied from the web keep ideographic spaces between their
/// numbered items) looks to it like a gutter. It then reads the pieces left of the gap down the
/// page, then the pieces right of it: sentences come out of order, `2.心、肝、肾功能不` after
/// the line that finishes it. A true gutter runs down the page: row after row stands clear of
/// it, with text on one side of it or both. In prose the rows next to a split one run across
/// the gap.
///
/// So each split row whose gaps are no gutter is made one line again, its pieces left to right,
/// where its first piece stood in poppler's order; everything else keeps poppler's order, which
/// is what reads a two-column page column by column.
enum PDFReadingOrder {
    /// Rows in a stretch that none crosses, that make a gap a gutter. A two-column page has
    /// dozens; a gap that happens to fall at one place on a few consecutive lines of prose has
    /// two or three.
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

    /// The run in reading order: poppler's, with each row it split at a gap that is no gutter
    /// made one line again, where the row's first piece stood. Nothing else moves: a page in
    /// columns, or a piece whose row is in doubt, keeps poppler's order.
    static func physical(_ run: [(line: PDFLine, pageLine: Int)]) -> [(line: PDFLine, pageLine: Int)] {
        guard run.count >= 2 else { return run }
        let lines = run.map(\.line)
        let rows = self.rows(lines)
        guard rows.contains(where: { $0.count > 1 }) else { return run }
        // The row each merged line stands for, by the run index of its first piece.
        var merged: [Int: [Int]] = [:]
        var taken = Set<Int>()
        for (r, row) in rows.enumerated() where row.count > 1 {
            let inside = zip(row, row.dropFirst()).allSatisfy { _, b in
                // Just left of where the right piece starts: the middle of a wide gap after a
                // short line of the left column stands inside that column's text.
                !isGutter(at: lines[b].left - 0.5, rows: rows, from: r, lines: lines)
            }
            guard inside, let head = row.min() else { continue }
            merged[head] = row
            taken.formUnion(row)
        }
        var out: [(line: PDFLine, pageLine: Int)] = []
        out.reserveCapacity(run.count)
        for i in run.indices {
            if let row = merged[i] {
                out.append((joined(row.map { lines[$0] }), run[i].pageLine))
            } else if !taken.contains(i) {
                out.append(run[i])
            }
        }
        return out
    }

    /// The pieces of one row, left to right, as one line.
    static func joined(_ pieces: [PDFLine]) -> PDFLine {
        var line = pieces[0]
        for (a, next) in zip(pieces, pieces.dropFirst()) {
            line.text += " " + next.text
            line.widestGap = max(line.widestGap, next.widestGap, next.left - a.right)
            line.top = min(line.top, next.top)
            line.bottom = max(line.bottom, next.bottom)
            line.right = max(line.right, next.right)
            line.visibleCount += next.visibleCount
        }
        return line
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
    /// least `gutterRows` rows stand clear of it. Rows on one side count as well as rows on
    /// both: columns whose baselines do not line up, or a last page whose second column is
    /// short, are still columns. In prose the rows next to a split one run across the gap.
    static func isGutter(at x: Double, rows: [[Int]], from r: Int, lines: [PDFLine]) -> Bool {
        func crosses(_ row: [Int]) -> Bool { row.contains { lines[$0].left < x && lines[$0].right > x } }
        var count = 1
        var k = r - 1
        while k >= 0, r - k <= reach, !crosses(rows[k]) {
            count += 1
            k -= 1
        }
        k = r + 1
        while k < rows.count, k - r <= reach, !crosses(rows[k]) {
            count += 1
            k += 1
        }
        return count >= gutterRows
    }
}
