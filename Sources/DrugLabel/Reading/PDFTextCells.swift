/// A borderless table's lines placed in its columns: what each line holds in each column, as the
/// row and cell readers need it.
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
}
