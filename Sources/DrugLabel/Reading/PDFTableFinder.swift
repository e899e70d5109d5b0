import PDFBridge

/// The ruled tables of a PDF page, from its drawn borders (the lattice way: a Word or LibreOffice
/// table is printed with its borders): row edges from the horizontal rules, column edges from
/// the vertical ones, a cell merged across slots wherever the rule between them is not drawn.
/// A page's characters are then put in the cells their centres fall in. A box with one column
/// (a boxed warning's frame) is no table. Tables drawn without borders are `PDFTextTableFinder`'s.
struct PDFTableFinder {
    /// Rules closer than this (points) are one rule: a border is drawn some pixels thick.
    static let tolerance = 2.0

    struct Rule {
        var at: Double
        var from: Double
        var to: Double
    }

    /// A table's slots and the cells that cover them.
    struct Grid {
        var rows: [Double]
        var columns: [Double]
        /// Each cell: first row, first column, row span, column span.
        var cells: [(row: Int, column: Int, rowSpan: Int, columnSpan: Int)]
        /// Slot → index into `cells`.
        var slot: [[Int]]

        var top: Double { rows.first ?? 0 }
        var bottom: Double { rows.last ?? 0 }
        var left: Double { columns.first ?? 0 }
        var right: Double { columns.last ?? 0 }

        func contains(x: Double, y: Double) -> Bool {
            x > left && x < right && y > top && y < bottom
        }

        /// The cell whose slot holds the point.
        func cell(x: Double, y: Double) -> Int? {
            guard contains(x: x, y: y), let r = Grid.last(rows, atMost: y), r < slot.count,
                  let c = Grid.last(columns, atMost: x), c < slot[r].count else { return nil }
            return slot[r][c]
        }

        /// The last index of ascending `edges` whose edge is at most `v`: a binary search, as a
        /// page's every character is placed.
        static func last(_ edges: [Double], atMost v: Double) -> Int? {
            var lo = 0, hi = edges.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if edges[mid] <= v { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 ? lo - 1 : nil
        }
    }

    static func rules(_ raw: UnsafeBufferPointer<dl_pdf_rule>) -> (horizontal: [Rule], vertical: [Rule]) {
        var horizontal: [Rule] = [], vertical: [Rule] = []
        for r in raw {
            if r.y0 == r.y1 { horizontal.append(Rule(at: r.y0, from: r.x0, to: r.x1)) } else { vertical.append(Rule(at: r.x0, from: r.y0, to: r.y1)) }
        }
        return (merged(horizontal), merged(vertical))
    }

    /// Runs one pixel apart across and overlapping along are one rule.
    static func merged(_ rules: [Rule]) -> [Rule] {
        let sorted = rules.sorted { ($0.at, $0.from) < ($1.at, $1.from) }
        var out: [Rule] = []
        next: for r in sorted {
            // Back only over the rules within the tolerance across: sorted, they are the last.
            var k = out.count - 1
            while k >= 0, r.at - out[k].at <= tolerance {
                if r.from <= out[k].to + tolerance && out[k].from <= r.to + tolerance {
                    out[k].from = min(out[k].from, r.from)
                    out[k].to = max(out[k].to, r.to)
                    continue next
                }
                k -= 1
            }
            out.append(r)
        }
        return unfilled(out)
    }

    /// A dark fill (a header row printed white on blue) is a stack of runs a pixel apart, each
    /// merged into a rule a little further on: of such a stack only its edges are borders.
    static func unfilled(_ rules: [Rule]) -> [Rule] {
        guard rules.count > 2 else { return rules }
        var keep = Array(repeating: true, count: rules.count)
        for k in rules.indices {
            func stacked(_ j: Int) -> Bool {
                j >= 0 && j < rules.count && abs(rules[j].at - rules[k].at) <= tolerance * 1.5 && abs(rules[j].at - rules[k].at) > 0
                    && min(rules[j].to, rules[k].to) - max(rules[j].from, rules[k].from) > 0.8 * (rules[k].to - rules[k].from)
            }
            // Inside a stack: a rule stacked on both sides (among its near neighbours) is fill.
            let near = max(0, k - 8)...min(rules.count - 1, k + 8)
            let below = near.contains { $0 != k && rules[$0].at < rules[k].at && stacked($0) }
            let above = near.contains { $0 != k && rules[$0].at > rules[k].at && stacked($0) }
            if below && above { keep[k] = false }
        }
        return rules.indices.filter { keep[$0] }.map { rules[$0] }
    }

    /// Tables: groups of rules that cross one another, with two rows of edges and three
    /// column edges at least (two columns).
    static func grids(horizontal: [Rule], vertical: [Rule]) -> [Grid] {
        // A page of hatching, dashes or a drawing is no table: past these counts it is read as text.
        guard !horizontal.isEmpty, !vertical.isEmpty, horizontal.count <= 4000, vertical.count <= 4000 else { return [] }
        // The rules that cross one another: index < horizontal.count is a horizontal rule.
        var sets = DisjointSets(count: horizontal.count + vertical.count)
        for (h, hr) in horizontal.enumerated() {
            for (v, vr) in vertical.enumerated() where crosses(hr, vr) { sets.join(h, horizontal.count + v) }
        }
        var groups: [Int: (h: [Rule], v: [Rule])] = [:]
        for (h, r) in horizontal.enumerated() { groups[sets.find(h), default: ([], [])].h.append(r) }
        for (v, r) in vertical.enumerated() { groups[sets.find(horizontal.count + v), default: ([], [])].v.append(r) }
        var grids: [Grid] = []
        for (_, g) in groups {
            let rows = edges(g.h.map(\.at)), columns = edges(g.v.map(\.at))
            guard rows.count >= 2, columns.count >= 3, rows.count * columns.count <= 40_000,
                  (rows.count * columns.count) * (g.h.count + g.v.count) <= 50_000_000 else { continue }
            grids.append(grid(rows: rows, columns: columns, horizontal: g.h, vertical: g.v))
        }
        return grids.sorted { ($0.top, $0.left) < ($1.top, $1.left) }
    }

    private static func crosses(_ h: Rule, _ v: Rule) -> Bool {
        v.at >= h.from - tolerance && v.at <= h.to + tolerance && h.at >= v.from - tolerance && h.at <= v.to + tolerance
    }

    private static func edges(_ positions: [Double]) -> [Double] {
        var out: [Double] = []
        for p in positions.sorted() {
            if let last = out.last, p - last <= tolerance * 2 { continue }
            out.append(p)
        }
        return out
    }

    private static func grid(rows: [Double], columns: [Double], horizontal: [Rule], vertical: [Rule]) -> Grid {
        let nr = rows.count - 1, nc = columns.count - 1
        // A border is drawn between two slots when a rule covers the middle of their side.
        func walled(x: Double, y: Double) -> Bool {
            vertical.contains { abs($0.at - x) <= tolerance * 2 && $0.from - tolerance <= y && y <= $0.to + tolerance }
        }
        func floored(y: Double, x: Double) -> Bool {
            horizontal.contains { abs($0.at - y) <= tolerance * 2 && $0.from - tolerance <= x && x <= $0.to + tolerance }
        }
        var slots = DisjointSets(count: nr * nc)
        for r in 0..<nr {
            let y = (rows[r] + rows[r + 1]) / 2
            for c in 0..<nc {
                let x = (columns[c] + columns[c + 1]) / 2
                if c + 1 < nc, !walled(x: columns[c + 1], y: y) { slots.join(r * nc + c, r * nc + c + 1) }
                if r + 1 < nr, !floored(y: rows[r + 1], x: x) { slots.join(r * nc + c, (r + 1) * nc + c) }
            }
        }
        return Grid(rows: rows, columns: columns, root: slots.roots())
    }
}

extension PDFTableFinder.Grid {
    /// The grid whose slots (row-major) are joined into cells by `root`: slots of one root are
    /// one cell, spanning from its first slot to its last.
    init(rows: [Double], columns: [Double], root: [Int]) {
        let nr = max(rows.count - 1, 0), nc = max(columns.count - 1, 0)
        var index: [Int: Int] = [:]
        var cells: [(row: Int, column: Int, rowSpan: Int, columnSpan: Int)] = []
        var slot = Array(repeating: Array(repeating: 0, count: nc), count: nr)
        for r in 0..<nr {
            for c in 0..<nc {
                let key = r * nc + c < root.count ? root[r * nc + c] : r * nc + c
                if let k = index[key] {
                    cells[k].rowSpan = max(cells[k].rowSpan, r - cells[k].row + 1)
                    cells[k].columnSpan = max(cells[k].columnSpan, c - cells[k].column + 1)
                    slot[r][c] = k
                } else {
                    index[key] = cells.count
                    slot[r][c] = cells.count
                    cells.append((r, c, 1, 1))
                }
            }
        }
        self.init(rows: rows, columns: columns, cells: cells, slot: slot)
    }
}
