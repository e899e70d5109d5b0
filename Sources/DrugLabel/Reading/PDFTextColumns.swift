/// The columns of a table printed without borders: its gutters, the x ranges between columns
/// where no row's text starts or ends.
extension PDFTextTableFinder {
    /// The column of `columns` (ascending edges) that `x` stands in; the first or last for a
    /// point outside them.
    static func column(_ x: Double, _ columns: [Double]) -> Int {
        let n = columns.count - 1
        guard n > 0 else { return 0 }
        return min(max(PDFTableFinder.Grid.last(columns, atMost: x) ?? 0, 0), n - 1)
    }

    /// Column edges from the gutters of a table's rows: x ranges at least a gutter wide where
    /// no text starts or ends, with text on both sides on two rows or more. A column most rows
    /// leave blank (the organ class beside its terms) is still a column: its text starts and ends
    /// inside the range; a cell that runs across one (an arm's header) spans the columns.
    static func columnEdges(_ table: [TextRow]) -> [Double]? {
        let all = table.flatMap { row in row.chunks.map { c in (row.glyphs[c].map(\.x0).min()!, row.glyphs[c].map(\.x1).max()!) } }
        guard all.count <= 20 * maxRows, let left = all.map(\.0).min(), let right = all.map(\.1).max(),
              right > left, right - left < 5000 else { return nil }
        // The gutters are read off the rows that fill the most columns (a fifth of the rows at
        // least): a value centred across two arms' columns (a hazard ratio for both) stands on
        // the gutter between them, and rows with fewer chunks leave it out.
        let multi = table.filter { $0.chunks.count >= 2 }
        let counts = multi.map(\.chunks.count)
        let least = Set(counts).sorted(by: >).first { k in counts.filter { $0 >= k }.count >= max(2, (multi.count + 4) / 5) } ?? 2
        let rows = multi.filter { $0.chunks.count >= least }
        guard !rows.isEmpty else { return nil }
        let chunks: [(from: Double, to: Double)] = rows.flatMap { row in
            row.chunks.map { c in (row.glyphs[c].map(\.x0).min()!, row.glyphs[c].map(\.x1).max()!) }
        }
        // Each row's reach, for the test of text on both sides of a gutter.
        let reach = rows.map { row in (row.glyphs.map(\.x1).min() ?? .infinity, row.glyphs.map(\.x0).max() ?? -.infinity) }
        let sizes = rows.map(\.size).sorted()
        let size = sizes[sizes.count / 2]
        let step = 0.5
        let bins = Int(((right - left) / step).rounded(.up)) + 1
        var covered = Array(repeating: 0, count: bins)
        for chunk in chunks {
            let a = Int((chunk.from - left) / step), b = Int((chunk.to - left) / step)
            for i in max(a, 0)...min(max(b, a), bins - 1) { covered[i] += 1 }
        }
        let allowed = rows.count / 5
        var edges = [left - 1]
        var i = 0
        while i < bins {
            guard covered[i] <= allowed else { i += 1; continue }
            var j = i
            while j < bins, covered[j] <= allowed { j += 1 }
            let from = left + Double(i) * step, to = left + Double(j) * step
            // Text that starts or ends inside the range is a sparse column's, not a crossing.
            for (a, b) in free(from, to, of: chunks) where b - a >= gutter * size && a > left + step && b < right - step {
                let sides = reach.filter { $0.0 <= a + step && $0.1 >= b - step }.count
                guard sides >= 2 else { continue }
                // The other rows' text (a header wider than its values) narrows the gutter where
                // it can. Where it leaves none free (values centred across two columns), the edge
                // is the gutter's middle, and what stands across it spans both columns.
                if let (x, y) = free(a, b, of: all.map { (from: $0.0, to: $0.1) }).max(by: { $0.1 - $0.0 < $1.1 - $1.0 }), y - x >= 1 {
                    edges.append(min(x + PDFTable.cellPadding, (x + y) / 2))
                } else {
                    edges.append((a + b) / 2)
                }
                if edges.count > maxColumns { return nil }
            }
            i = j
        }
        edges.append(right + PDFTable.cellPadding)
        return edges.count >= 3 ? edges : nil
    }

    /// The parts of `from...to` that no chunk starts or ends in (a chunk across all of it
    /// leaves it free).
    private static func free(_ from: Double, _ to: Double, of chunks: [(from: Double, to: Double)]) -> [(Double, Double)] {
        let inside = chunks.filter { $0.to > from && $0.from < to && !($0.from <= from && $0.to >= to) }
            .map { (max($0.from, from), min($0.to, to)) }.sorted { $0.0 < $1.0 }
        var out: [(Double, Double)] = []
        var at = from
        for (a, b) in inside {
            if a > at { out.append((at, a)) }
            at = max(at, b)
        }
        if at < to { out.append((at, to)) }
        return out
    }

    /// The x ranges of a page's columns of text: two where a gutter runs down the page's middle
    /// third with prose set full width on both sides of it (a label printed in two columns),
    /// else one. A page holding one wide table has no prose full width on both sides.
    static func pageColumns(_ rows: [TextRow]) -> [ClosedRange<Double>] {
        let chunks = rows.flatMap { row in row.chunks.map { (row.glyphs[$0].map(\.x0).min()!, row.glyphs[$0].map(\.x1).max()!) } }
        guard rows.count >= 6, let left = chunks.map(\.0).min(), let right = chunks.map(\.1).max(),
              right - left > 0, right - left < 5000 else { return [-Double.infinity...Double.infinity] }
        let sizes = rows.map(\.size).sorted()
        let size = sizes[sizes.count / 2]
        let bins = Int(right - left) + 1
        var covered = Array(repeating: 0, count: bins)
        for (a, b) in chunks {
            for i in max(Int(a - left), 0)...min(max(Int(b - left), Int(a - left)), bins - 1) { covered[i] += 1 }
        }
        // The widest run of the middle third that hardly a line crosses.
        let allowed = max(1, rows.count / 20)
        var best: (from: Double, to: Double)?
        var i = Int((right - left) / 3)
        while i < bins * 2 / 3 {
            guard covered[i] <= allowed else { i += 1; continue }
            var j = i
            while j < bins, covered[j] <= allowed { j += 1 }
            if Double(j - i) >= size, Double(j - i) > (best.map { $0.to - $0.from } ?? 0) { best = (left + Double(i), left + Double(j)) }
            i = j
        }
        guard let gutter = best else { return [-Double.infinity...Double.infinity] }
        // Lines of prose filling each side: from its left edge to within two characters of its right.
        let full = { (from: Double, to: Double) in
            rows.filter { row in row.chunks.contains { c in
                let a = row.glyphs[c].map(\.x0).min()!, b = row.glyphs[c].map(\.x1).max()!
                return a <= from + size && b >= to - 2 * size && b <= to + size
            } }.count
        }
        guard full(left, gutter.from) * 4 >= rows.count, full(gutter.to, right) * 4 >= rows.count else {
            return [-Double.infinity...Double.infinity]
        }
        let middle = (gutter.from + gutter.to) / 2
        return [-Double.infinity...middle, middle...Double.infinity]
    }
}
