/// The rows and cells of a table found from where its words stand (`PDFTextTableFinder`), as a
/// grid the cells' text is read from.
extension PDFTextTableFinder {
    /// A line's text in one column: how far it ran, the width of its first word (what would
    /// have had to fit on the line before), its last character, its unclosed brackets.
    struct ColumnText {
        var left: Double
        var right: Double
        var firstWord: Double
        var first: Unicode.Scalar
        var last: Unicode.Scalar
        var open: Int
        /// A value (`12`, `12 (5.0)`, `-`): all values of a column reach its edge alike.
        var numeric: Bool
    }

    /// A line of the table placed in the columns: its text by column, and the chunks that
    /// cross a gutter (a cell spanning those columns).
    struct PlacedRow {
        var text: [Int: ColumnText] = [:]
        var spans: [ClosedRange<Int>] = []
        /// It holds a value: a chunk of digits and signs only (`12 (5.0)`, `≥3`, `-`).
        var numeric = false
    }

    /// A number with its signs and interval (`12 (5.0)`, `≥3`, `NE（10.4，NE）`, `8.3 [4.5, 15.8]`),
    /// or what a table prints for none (`-`, `—`, `NA`, `NR`): no Chinese character, and no
    /// Latin word longer than a unit or an abbreviation.
    static func isValue(_ scalars: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(scalars))
        if ["-", "–", "—", "--", "/", "NA", "N/A", "NR", "NE", "ND", "NC"].contains(text) { return true }
        guard !scalars.contains(where: \.isIdeograph) else { return false }
        var words: [String] = []
        var word = ""
        for s in scalars + [" "] {
            if s.isASCII && s.properties.isAlphabetic {
                word.unicodeScalars.append(s)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        guard words.allSatisfy({ $0.count <= 3 }) else { return false }
        // `NE（NE，NE）`: not reached, with its interval not reached either.
        return scalars.contains { ("0"..."9").contains($0) }
            || (!words.isEmpty && words.allSatisfy { ["NA", "NE", "NR", "ND", "NC"].contains($0) })
    }

    static func place(_ row: TextRow, _ columns: [Double]) -> PlacedRow {
        var placed = PlacedRow()
        for chunk in row.chunks {
            let glyphs = row.glyphs[chunk]
            let cs = glyphs.map { column($0.midX, columns) }
            guard let lo = cs.min(), let hi = cs.max(), let first = glyphs.first, let end = glyphs.last,
                  let last = Unicode.Scalar(end.scalar) else { continue }
            let scalars = glyphs.compactMap { Unicode.Scalar($0.scalar) }
            let numeric = isValue(scalars)
            placed.numeric = placed.numeric || numeric
            if lo != hi {
                placed.spans.append(lo...hi)
                continue
            }
            let open = scalars.reduce(0) { $0 + ($1 == "（" || $1 == "(" ? 1 : $1 == "）" || $1 == ")" ? -1 : 0) }
            let word = LineBreakRoom.needed(glyphs.map { ($0.scalar, $0.x0, $0.x1) })
            let right = glyphs.map(\.x1).max() ?? end.x1
            if var before = placed.text[lo] {
                before.right = max(before.right, right)
                before.last = last
                before.open += open
                before.numeric = before.numeric && numeric
                placed.text[lo] = before
            } else {
                // A raised mark a line starts with (`ᶜ（95%CI）`) is not what the line starts with.
                let lead = glyphs.first { $0.size >= 0.85 * row.size } ?? first
                placed.text[lo] = ColumnText(left: first.x0, right: right, firstWord: word, first: Unicode.Scalar(lead.scalar) ?? " ",
                                             last: last, open: open, numeric: numeric)
            }
        }
        return placed
    }

    /// The grid of a table's lines under `columns`; nil when it would hold fewer than two rows
    /// of cells side by side.
    static func grid(_ all: [TextRow], columns: [Double], rules: [PDFTableFinder.Rule]) -> PDFTableFinder.Grid? {
        let nc = columns.count - 1
        let placed = all.map { place($0, columns) }
        guard placed.filter({ $0.text.count + $0.spans.count >= 2 }).count >= 2 else { return nil }
        let sizes = all.map(\.size).sorted()
        let size = sizes[sizes.count / 2]
        // Where each column's lines wrap: at the furthest any of its lines ran, when two lines
        // at least ran that far; else (one long header over short cells) as far as the next
        // column's text leaves room for two cell margins.
        var extent = Array(repeating: -Double.infinity, count: nc)
        var start = Array(repeating: Double.infinity, count: nc)
        for (i, p) in placed.enumerated() {
            for (c, t) in p.text {
                extent[c] = max(extent[c], t.right)
                start[c] = min(start[c], all[i].glyphs.first { column($0.midX, columns) == c }?.x0 ?? .infinity)
            }
        }
        var wrapAt = extent
        for c in 0..<nc {
            let reached = placed.filter { p in p.text[c].map { !$0.numeric && $0.right >= extent[c] - 0.5 * size } ?? false }.count
            if reached < 2, c + 1 < nc, start[c + 1].isFinite { wrapAt[c] = max(extent[c], start[c + 1] - 2 * PDFTable.cellPadding) }
        }
        let width = (columns.last ?? 0) - (columns.first ?? 0)
        func ruled(between a: TextRow, _ b: TextRow) -> Bool {
            rules.contains { $0.at > a.midY && $0.at < b.midY && $0.to - $0.from >= 0.5 * width
                && $0.from < (columns.last ?? 0) && $0.to > (columns.first ?? 0) }
        }
        func wrapped(_ before: ColumnText, into next: ColumnText, column c: Int) -> Bool {
            if before.open > 0 { return true }
            // A line may break after `；`: only a full stop ends a cell's paragraph for certain.
            if "。！？!?".unicodeScalars.contains(before.last) { return false }
            // A value goes on to the next line only where it is cut at a sign (`12` / `(5.0)`,
            // `1.5 ~` / `2.0`).
            if before.numeric {
                return "(（%".unicodeScalars.contains(next.first) || "~～-–—/±,".unicodeScalars.contains(before.last)
            }
            // A value under words (a header over its column) starts a row; inside an open
            // bracket it goes on (`（不超过` / `800 mg）`).
            if next.numeric { return false }
            // A word that would have fitted there did fit, so the line ended.
            return wrapAt[c] - before.right < next.firstWord - 0.02 * size
        }
        // Lines into rows. A line is the row's above when it only goes on with cells the line
        // above wrapped (or adds a bracketed qualifier, `（95%CI）`, `（%）`), or when it starts no
        // value and goes on with a sentence the line above broke off: no row starts while a
        // cell is mid-sentence, though a cell's next paragraph may start beside it.
        func goesOn(_ i: Int, after row: [Int]) -> Bool {
            guard let j = row.last else { return false }
            let p = placed[i]
            guard !ruled(between: all[j], all[i]), p.spans.isEmpty, !p.text.isEmpty else { return false }
            let wraps = p.text.filter { c, t in placed[j].text[c].map { wrapped($0, into: t, column: c) } ?? false }
            if p.text.allSatisfy({ c, t in wraps[c] != nil || (placed[j].text[c] != nil && "（(".unicodeScalars.contains(t.first)) }) {
                return true
            }
            // A header centred in its column wraps about its middle (`Axicabtagene` /
            // `Ciloleucel（N=180）`): in the rows above a table's first values, a line of words
            // each centred under the line above's goes on with it.
            if i < firstValues, firstValues < placed.count, p.text.allSatisfy({ c, t in
                guard let b = placed[j].text[c], !t.numeric, !b.numeric, !"。！？!?".unicodeScalars.contains(b.last) else { return false }
                return abs((t.left + t.right) / 2 - (b.left + b.right) / 2) < 0.5 * size && abs(t.left - b.left) > 0.5 * size
            }) {
                return true
            }
            // A value that does not go on with the line above starts a row.
            if p.text.contains(where: { c, t in t.numeric && wraps[c] == nil }) { return false }
            if wraps.contains(where: { c, _ in placed[j].text[c]?.numeric == false }) { return true }
            // A line that leaves the stub column blank and starts new paragraphs in cells whose
            // sentences the row has ended (a prose table's cell of several paragraphs); a
            // header's cells end with no stop.
            return p.text[0] == nil && p.text.keys.allSatisfy { c in
                row.last { placed[$0].text[c] != nil }.map { "。；;".unicodeScalars.contains(placed[$0].text[c]!.last) } ?? false
            }
        }
        var members: [[Int]] = []
        let firstValues = placed.firstIndex { $0.numeric } ?? placed.count
        for i in placed.indices {
            if let row = members.last, goesOn(i, after: row) {
                members[members.count - 1].append(i)
            } else {
                members.append([i])
            }
        }
        let nr = members.count
        guard nr * nc <= maxSlots else { return nil }
        // Each row's cells: the first and last line with text in each column.
        func texts(of r: Int, in c: Int) -> [Int] { members[r].filter { placed[$0].text[c] != nil } }
        func spanned(_ r: Int, _ c: Int) -> Bool { members[r].contains { placed[$0].spans.contains { $0.contains(c) } } }
        func numeric(_ r: Int) -> Bool { members[r].contains { placed[$0].numeric } }
        var parent = Array(0..<(nr * nc))
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func join(_ a: Int, _ b: Int) {
            let x = find(a), y = find(b)
            if x != y { parent[max(x, y)] = min(x, y) }
        }
        for r in 0..<nr {
            for i in members[r] { for span in placed[i].spans { for c in span where c < span.upperBound { join(r * nc + c, r * nc + c + 1) } } }
        }
        for c in 0..<nc {
            // A grouping column leaves cells blank beside rows that have text: its text that
            // wraps on into the next row is one cell merged down. A column with text on every
            // row holds a cell a row.
            // Header rows leave stub columns blank too: where the table has rows of values, only
            // those count.
            let body = (0..<nr).contains(where: numeric) ? (0..<nr).filter(numeric) : Array(1..<max(nr, 1))
            // A column of values is no grouping column, however many values it leaves out.
            let grouping = body.contains { r in texts(of: r, in: c).isEmpty && !spanned(r, c)
                && members[r].contains { !placed[$0].text.isEmpty } }
                && !body.contains { r in texts(of: r, in: c).contains { placed[$0].text[c]?.numeric == true } }
            guard grouping else { continue }
            for r in 0..<(nr - 1) {
                guard let end = texts(of: r, in: c).last, let next = texts(of: r + 1, in: c).first,
                      let before = placed[end].text[c], let after = placed[next].text[c],
                      !spanned(r, c), !spanned(r + 1, c), numeric(r) == numeric(r + 1),
                      !ruled(between: all[members[r].last!], all[members[r + 1][0]]),
                      wrapped(before, into: after, column: c) else { continue }
                join(r * nc + c, (r + 1) * nc + c)
            }
        }
        // Header rows over a row of sub-headers (above the first row of values): a header
        // cell over a blank is merged down (the stub's header), and one beside blanks that have
        // sub-headers under them is merged across them (an arm over its columns, its words
        // ending short of the last).
        if let firstValues = (0..<nr).first(where: numeric) {
            for r in 0..<max(firstValues - 1, 0) where (1..<nc).contains(where: { !texts(of: r + 1, in: $0).isEmpty }) {
                for c in 0..<nc where (!texts(of: r, in: c).isEmpty || spanned(r, c)) && !spanned(r + 1, c) {
                    if texts(of: r + 1, in: c).isEmpty, !spanned(r, c), find(r * nc + c) == r * nc + c { join(r * nc + c, (r + 1) * nc + c) }
                    var next = c + 1
                    while next < nc, texts(of: r, in: next).isEmpty, !spanned(r, next), !texts(of: r + 1, in: next).isEmpty {
                        join(r * nc + next - 1, r * nc + next)
                        next += 1
                    }
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
        return PDFTableFinder.Grid(rows: edges, columns: columns, root: (0..<(nr * nc)).map(find))
    }

}
