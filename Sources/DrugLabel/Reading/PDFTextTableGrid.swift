/// The rows and cells of a table found from where its words stand (`PDFTextTableFinder`), as a
/// grid the cells' text is read from.
extension PDFTextTableFinder {
    /// The grid of a table's lines under `columns`, and how many of the lines it holds (the
    /// first ones); nil when it would hold fewer than two rows of cells side by side.
    static func grid(_ all: [TextRow], columns: [Double], rules: [PDFTableFinder.Rule]) -> (grid: PDFTableFinder.Grid, lines: Int)? {
        let nc = columns.count - 1
        let lines = Lines(all, columns: columns, rules: rules)
        let placed = lines.placed
        guard placed.filter({ $0.text.count + $0.spans.count >= 2 }).count >= 2 else { return nil }
        var members = lines.rows()
        // Rows at the end with one piece of text each are the prose after the table (`上述不良
        // 反应多为轻度至中度。`, `2. 上市后经验`), set close under it: a table's last row has
        // cells side by side, and a group row heads rows below it.
        while let last = members.last, members.count > 2, last.allSatisfy({ placed[$0].text.count + placed[$0].spans.count <= 1 }) {
            members.removeLast()
        }
        let kept = members.last.map { $0.last! + 1 } ?? 0
        let nr = members.count
        guard nr * nc <= maxSlots else { return nil }
        // A row's lines with text in a column; whether a cell runs across the column; whether
        // the row holds a value.
        func texts(of r: Int, in c: Int) -> [Int] { members[r].filter { placed[$0].text[c] != nil } }
        func spanned(_ r: Int, _ c: Int) -> Bool { members[r].contains { placed[$0].spans.contains { $0.contains(c) } } }
        func numeric(_ r: Int) -> Bool { members[r].contains { placed[$0].numeric } }
        var slots = DisjointSets(count: nr * nc)
        for r in 0..<nr {
            for i in members[r] { for span in placed[i].spans { for c in span where c < span.upperBound { slots.join(r * nc + c, r * nc + c + 1) } } }
        }
        // A grouping column leaves cells blank beside rows that have text: its text that wraps
        // on into the next row is one cell merged down. A column with text on every row holds a
        // cell a row. Header rows leave stub columns blank too: where the table has rows of
        // values, only those count.
        let body = (0..<nr).contains(where: numeric) ? (0..<nr).filter(numeric) : Array(1..<max(nr, 1))
        for c in 0..<nc {
            // A column of values is no grouping column, however many values it leaves out.
            let grouping = body.contains { r in texts(of: r, in: c).isEmpty && !spanned(r, c)
                && members[r].contains { !placed[$0].text.isEmpty } }
                && !body.contains { r in texts(of: r, in: c).contains { placed[$0].text[c]?.numeric == true } }
            guard grouping else { continue }
            for r in 0..<(nr - 1) {
                guard let end = texts(of: r, in: c).last, let next = texts(of: r + 1, in: c).first,
                      let before = placed[end].text[c], let after = placed[next].text[c],
                      !spanned(r, c), !spanned(r + 1, c), numeric(r) == numeric(r + 1),
                      !lines.ruled(between: all[members[r].last!], all[members[r + 1][0]]),
                      lines.wrapped(before, into: after, column: c) else { continue }
                slots.join(r * nc + c, (r + 1) * nc + c)
            }
        }
        // Header rows over a row of sub-headers (above the first row of values): a header
        // cell over a blank is merged down (the stub's header), and one beside blanks that have
        // sub-headers under them is merged across them (an arm over its columns, its words
        // ending short of the last).
        if let firstValues = (0..<nr).first(where: numeric) {
            for r in 0..<max(firstValues - 1, 0) where (1..<nc).contains(where: { !texts(of: r + 1, in: $0).isEmpty }) {
                var across = Set<Int>()
                for c in 0..<nc where (!texts(of: r, in: c).isEmpty || spanned(r, c)) && !spanned(r + 1, c) {
                    var next = c + 1
                    while next < nc, texts(of: r, in: next).isEmpty, !spanned(r, next), !texts(of: r + 1, in: next).isEmpty {
                        slots.join(r * nc + next - 1, r * nc + next)
                        across.formUnion([c, next])
                        next += 1
                    }
                }
                // Down only a cell one slot wide and tall so far: a cell stays a rectangle.
                for c in 0..<nc where !texts(of: r, in: c).isEmpty && texts(of: r + 1, in: c).isEmpty && !spanned(r, c) && !spanned(r + 1, c)
                    && !across.contains(c) && slots.find(r * nc + c) == r * nc + c && (r == 0 || slots.find((r - 1) * nc + c) != slots.find(r * nc + c)) {
                    slots.join(r * nc + c, (r + 1) * nc + c)
                }
            }
        }
        var edges: [Double] = []
        for r in 0..<nr {
            let top = members[r].map { all[$0].top }.min() ?? 0
            if r == 0 {
                edges.append(top - 1)
            } else {
                let above = members[r - 1].map { all[$0].bottom }.max() ?? top
                edges.append(max((above + top) / 2, edges[edges.count - 1] + 0.01))
            }
        }
        let bottom = members[nr - 1].map { all[$0].bottom }.max() ?? 0
        edges.append(max(bottom + 1, edges[edges.count - 1] + 0.01))
        return (PDFTableFinder.Grid(rows: edges, columns: columns, root: slots.roots()), kept)
    }
}
