/// A borderless table's lines grouped into its rows. A line is the row's above when it only goes
/// on with cells the line above wrapped (or adds a bracketed qualifier, `（95%CI）`, `（%）`), or
/// when it starts no value and goes on with a sentence the line above broke off: no row starts
/// while a cell is mid-sentence, though a cell's next paragraph may start beside it. A rule
/// between two lines always divides them.
extension PDFTextTableFinder {
    struct Lines {
        let all: [TextRow]
        let placed: [PlacedRow]
        let columns: [Double]
        let rules: [PDFTableFinder.Rule]
        let size: Double
        /// Where each column's lines wrap.
        let wrapAt: [Double]
        /// The first line that holds a value: the lines above are the header's.
        let firstValues: Int

        init(_ all: [TextRow], columns: [Double], rules: [PDFTableFinder.Rule]) {
            let nc = columns.count - 1
            let placed = all.map { place($0, columns) }
            let sizes = all.map(\.size).sorted()
            let size = sizes.isEmpty ? 1 : sizes[sizes.count / 2]
            // At the furthest any of its lines ran, when two lines at least ran that far and
            // others fell short (lines of a wrapping column end where their words did); else
            // (cells all of one width, `常见` / `偶见`, or one long header over short cells) as
            // far as the next column's text leaves room for two cell margins, or a character
            // past its furthest text in the last column.
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
                let words = placed.compactMap { $0.text[c] }.filter { !$0.numeric }
                let reached = words.filter { $0.right >= extent[c] - 0.5 * size }.count
                let short = words.contains { $0.right < extent[c] - size }
                guard reached < 2 || !short else { continue }
                wrapAt[c] = c + 1 < nc && start[c + 1].isFinite ? max(extent[c], start[c + 1] - 2 * PDFTable.cellPadding) : extent[c] + size
            }
            self.all = all
            self.placed = placed
            self.columns = columns
            self.rules = rules
            self.size = size
            self.wrapAt = wrapAt
            firstValues = placed.firstIndex { $0.numeric } ?? placed.count
        }

        /// Whether a rule across half the table or more runs between two lines.
        func ruled(between a: TextRow, _ b: TextRow) -> Bool {
            let left = columns.first ?? 0, right = columns.last ?? 0
            return rules.contains { $0.at > a.midY && $0.at < b.midY && $0.to - $0.from >= 0.5 * (right - left) && $0.from < right && $0.to > left }
        }

        /// Whether a column's text on one line goes on to the next line's text in the column.
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

        /// Whether line `i` belongs to the row of lines `row`.
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

        /// The table's rows, each the indices of its lines.
        func rows() -> [[Int]] {
            var members: [[Int]] = []
            for i in placed.indices {
                if let row = members.last, goesOn(i, after: row) {
                    members[members.count - 1].append(i)
                } else {
                    members.append([i])
                }
            }
            return members
        }
    }
}
