import PDFBridge

/// The tables of a PDF page printed without cell borders, or as three-line tables (a rule above,
/// one under the header, one below, as Chinese journals and many labels print them), found from
/// where the words stand: the stream way of Camelot and pdfplumber, written for the way Chinese
/// labels set their tables. It gives the same `Grid` as the ruled finder, so the cells' text is
/// read the same way.
///
/// - Where: below a table caption (`表 1`, `附表2`), or at the top of a page when the page before
///   ended inside such a table. Text with gaps in it elsewhere (a dose line `体重≥50 kg   8 mg`)
///   stays text: without a caption there is too little to tell a table from a layout.
/// - Columns: the x ranges that no row's text covers (gutters). A few rows may cross one (an
///   arm's header over its columns, a group row across the table): those cells span columns.
/// - Rows: each line of text starts a row, unless it only goes on with cells the line above
///   wrapped (it ran to its column's edge); a rule between two lines always divides them.
/// - A grouping column's text that wraps on into the next rows (the organ class beside its
///   terms) is one cell merged down, as the document has it.
struct PDFTextTableFinder {
    /// One printed character, as the finder needs it.
    struct Glyph {
        var x0: Double, y0: Double, x1: Double, y1: Double
        var size: Double
        var scalar: UInt32
        var midX: Double { (x0 + x1) / 2 }
        var midY: Double { (y0 + y1) / 2 }
    }

    /// One line of printed text across the page: its glyphs left to right, cut into chunks where
    /// a gap is wide enough to be a gutter.
    struct TextRow {
        var glyphs: [Glyph]
        var top: Double, bottom: Double, size: Double
        var chunks: [Range<Int>]

        var left: Double { glyphs.first?.x0 ?? 0 }
        var right: Double { glyphs.map(\.x1).max() ?? 0 }
        var midY: Double { (top + bottom) / 2 }
    }

    /// What a page gives: its tables, and the column edges of the last one when it runs to the
    /// page's end (so the next page's top can go on with it).
    struct Found {
        var grids: [PDFTableFinder.Grid] = []
        var open: [Double]?
    }

    /// A gutter is at least this many font sizes wide: wider than a Latin space stretched in a
    /// justified line, narrower than two cell margins (Word's and LibreOffice's, 2 × 5.4 pt).
    static let gutter = 0.5
    /// Past these counts a page is not read for such tables: it stays text.
    static let maxGlyphs = 200_000, maxRows = 1_000, maxColumns = 64, maxSlots = 40_000

    static func tables(_ chars: UnsafeBufferPointer<dl_pdf_char>, lines: [PDFLine], rules: [PDFTableFinder.Rule],
                       ruled: [PDFTableFinder.Grid], continuing: [Double]?) -> Found {
        var glyphs: [Glyph] = []
        for c in chars where c.scalar > 0x20 && c.scalar != 0xA0 && c.scalar != 0x3000 && c.x1 >= c.x0 && c.y1 >= c.y0 {
            let g = Glyph(x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, size: c.fontSize > 0 ? c.fontSize : c.y1 - c.y0, scalar: c.scalar)
            if !ruled.contains(where: { $0.contains(x: g.midX, y: g.midY) }) { glyphs.append(g) }
        }
        guard !glyphs.isEmpty, glyphs.count <= maxGlyphs else { return Found() }
        let rows = textRows(glyphs)
        var starts: [(row: Int, columns: [Double]?)] = []
        if let continuing, continuing.count >= 3,
           let k = rows.prefix(3).firstIndex(where: { $0.chunks.count >= 2 && fits($0, continuing) }) {
            starts.append((k, continuing))
        }
        for line in lines where isCaption(line.text)
            && !ruled.contains(where: { $0.contains(x: (line.left + line.right) / 2, y: (line.top + line.bottom) / 2) }) {
            if let k = rows.firstIndex(where: { $0.midY > line.bottom }) { starts.append((k, nil)) }
        }
        starts.sort { $0.row < $1.row }
        var found = Found()
        var used = 0
        for (start, given) in starts where start >= used {
            // A ruled table below the caption is the ruled finder's; this table ends above it.
            let limit = ruled.map(\.top).filter { $0 > rows[start].top }.min() ?? .infinity
            guard var region = region(rows, from: start, limit: limit, leading: given == nil ? 2 : 0),
                  var columns = given ?? columnEdges(Array(rows[region])), columns.count >= 3, columns.count <= maxColumns + 1 else { continue }
            // A line skipped above the first row of cells that stands inside one column right of
            // the stub is a header over the values (`接受…治疗的患者 (N=24)`), not the caption's.
            while region.lowerBound > start, let row = rows.indices.contains(region.lowerBound - 1) ? rows[region.lowerBound - 1] : nil,
                  Set(row.glyphs.map { column($0.midX, columns) }).count == 1, column(row.glyphs[0].midX, columns) > 0,
                  given == nil {
                region = (region.lowerBound - 1)..<region.upperBound
                columns[columns.count - 1] = max(columns[columns.count - 1], row.right + PDFTable.cellPadding)
            }
            let part = Array(rows[region])
            // Every character of the table inside its edges (a part that runs on from the page
            // before may stand a little wider than the edges it takes over).
            columns[0] = min(columns[0], (part.map(\.left).min() ?? columns[0]) - 1)
            columns[columns.count - 1] = max(columns[columns.count - 1], (part.map(\.right).max() ?? 0) + 1)
            guard let grid = grid(part, columns: columns, rules: rules) else { continue }
            found.grids.append(grid)
            used = region.upperBound
            found.open = endsPage(rows, after: region) ? columns : nil
        }
        return found
    }

    /// `表 1`, `表1.`, `附表 2`, `表一`: a line that starts with one names the table below it.
    static func isCaption(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars.drop { $0.properties.isWhitespace }
        if scalars.first == "附" { scalars = scalars.dropFirst() }
        guard scalars.first == "表" else { return false }
        guard let next = scalars.dropFirst().drop(while: { $0.properties.isWhitespace }).first else { return false }
        return ("0"..."9").contains(next) || ("０"..."９").contains(next) || "一二三四五六七八九十".unicodeScalars.contains(next)
    }

    /// The page's glyphs grouped into lines by where they stand: a glyph joins the line it
    /// overlaps by two fifths of its height (a raised mark joins its line).
    static func textRows(_ glyphs: [Glyph]) -> [TextRow] {
        let sorted = glyphs.sorted { ($0.midY, $0.x0) < ($1.midY, $1.x0) }
        var groups: [[Glyph]] = []
        var band: (top: Double, bottom: Double) = (0, 0)
        for g in sorted {
            let height = max(g.y1 - g.y0, 0.1)
            if !groups.isEmpty, min(band.bottom, g.y1) - max(band.top, g.y0) > 0.4 * min(height, max(band.bottom - band.top, 0.1)) {
                groups[groups.count - 1].append(g)
                band = (min(band.top, g.y0), max(band.bottom, g.y1))
            } else {
                groups.append([g])
                band = (g.y0, g.y1)
            }
        }
        return groups.map { group in
            let glyphs = group.sorted { $0.x0 < $1.x0 }
            let sizes = glyphs.map(\.size).sorted()
            let size = max(sizes[sizes.count / 2], 1)
            var chunks: [Range<Int>] = []
            var start = 0
            var reach = glyphs[0].x1
            for i in 1..<max(glyphs.count, 1) where i < glyphs.count {
                if glyphs[i].x0 - reach >= gutter * size {
                    chunks.append(start..<i)
                    start = i
                }
                reach = max(reach, glyphs[i].x1)
            }
            chunks.append(start..<glyphs.count)
            return TextRow(glyphs: glyphs, top: glyphs.map(\.y0).min() ?? 0, bottom: glyphs.map(\.y1).max() ?? 0,
                           size: size, chunks: chunks)
        }
    }

    /// The rows of a table that starts at `start`: up to `leading` lines before its first row of
    /// cells are the caption's (a second caption line, a unit line). The table ends at a wide
    /// gap, a heading, the next caption, a footnote, or a line of prose across the whole table.
    static func region(_ rows: [TextRow], from start: Int, limit: Double, leading: Int) -> Range<Int>? {
        var first = start
        while first < rows.count, first - start < leading, rows[first].chunks.count < 2 { first += 1 }
        guard first < rows.count, rows[first].chunks.count >= 2, rows[first].bottom < limit else { return nil }
        var left = rows[first].left, right = rows[first].right
        var cells = 0
        var end = first
        var gaps: [Double] = []
        while end < rows.count, rows[end].bottom < limit, end - first < maxRows {
            let row = rows[end]
            if end > first {
                let previous = rows[end - 1]
                // A gap wider than the table's own between lines: a blank line after it.
                let gap = row.top - previous.bottom
                let usual = gaps.count >= 2 ? gaps.sorted()[gaps.count / 2] : .infinity
                if gap > 2.2 * max(row.size, previous.size) || gap > max(row.size, 2.5 * usual) { break }
                gaps.append(gap)
                if let s = Unicode.Scalar(row.glyphs[0].scalar), s == "【" { break }
                if isCaption(String(String.UnicodeScalarView(row.glyphs.prefix(6).compactMap { Unicode.Scalar($0.scalar) }))) { break }
                if row.chunks.count == 1 {
                    if isFootnote(row, left: left) { break }
                    if cells >= 2, row.left <= left + row.size, row.right >= right - 2 * row.size { break }
                }
            }
            if row.chunks.count >= 2 {
                cells += 1
                left = min(left, row.left)
                right = max(right, row.right)
            }
            end += 1
        }
        guard cells >= 2 else { return nil }
        return first..<end
    }

    /// A note under a table, at its left edge: `注：…`, `a. …`, `b 包括…`, `* …`; not a cell's
    /// next line (`mg。`).
    private static func isFootnote(_ row: TextRow, left: Double) -> Bool {
        guard row.left <= left + row.size, let s = Unicode.Scalar(row.glyphs[0].scalar) else { return false }
        if s == "注" || "*†‡§#".unicodeScalars.contains(s) { return true }
        guard ("a"..."z").contains(s) else { return false }
        // The mark, then a stop, a space or the note's words (not `c（95%CI）`, a raised mark
        // that a cell's wrapped line starts with).
        guard row.glyphs.count > 1, let next = Unicode.Scalar(row.glyphs[1].scalar) else { return true }
        return ".．、:：)）".unicodeScalars.contains(next) || next.isIdeograph || row.glyphs[1].x0 - row.glyphs[0].x1 > 0.2 * row.size
    }

    /// Whether a row stands within a table's column edges (a repeated header may span columns).
    static func fits(_ row: TextRow, _ columns: [Double]) -> Bool {
        guard let l = columns.first, let r = columns.last else { return false }
        return row.left >= l - row.size && row.right <= r + row.size
    }

    /// Whether nothing but a page footer (two lines at most, neither a note nor a caption)
    /// follows the table.
    private static func endsPage(_ rows: [TextRow], after region: Range<Int>) -> Bool {
        let rest = rows[region.upperBound...]
        let left = rows[region].map(\.left).min() ?? 0
        return rest.count <= 2 && rest.allSatisfy { row in
            row.chunks.count == 1 && !isFootnote(row, left: left)
                && !isCaption(String(String.UnicodeScalarView(row.glyphs.prefix(6).compactMap { Unicode.Scalar($0.scalar) })))
        }
    }

    static func column(_ x: Double, _ columns: [Double]) -> Int {
        let n = columns.count - 1
        guard n > 0 else { return 0 }
        return min(max((columns.lastIndex { $0 <= x } ?? 0), 0), n - 1)
    }

    /// Column edges from the gutters of a table's rows: x ranges at least a gutter wide where
    /// no text starts or ends and at most one row in five runs across (a cell spanning columns),
    /// with text on both sides on two rows or more. A column most rows leave blank (the organ
    /// class beside its terms) is still a column: its text starts and ends inside the range.
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
}
