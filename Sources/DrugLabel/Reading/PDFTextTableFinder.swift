import PDFBridge

/// The tables of a PDF page printed without cell borders, or as three-line tables (a rule above,
/// one under the header, one below, as Chinese journals and many labels print them), found from
/// where the words stand: the stream way of Camelot and pdfplumber, written for the way Chinese
/// labels set their tables. It gives the same `Grid` as the ruled finder, so the cells' text is
/// read the same way.
///
/// - Where: below a table caption (`表 1`, `附表2`), or at the top of a page when the page before
///   ended inside such a table. Text with gaps in it elsewhere (a dose line `体重≥50 kg   8 mg`)
///   stays text: without a caption there is too little to tell a table from a layout. A page set
///   in two columns is split into them first.
/// - Columns: the x ranges where no row's text starts or ends (gutters), read off the rows that
///   fill the most columns. A cell that runs across one (an arm's header over its columns, a
///   value centred across both arms) spans those columns.
/// - Rows: each line of text starts a row, unless it only goes on with cells the line above
///   wrapped (it ran to its column's edge); a rule between two lines always divides them.
/// - A grouping column's text that wraps on into the next rows (the organ class beside its
///   terms) is one cell merged down, as the document has it.
struct PDFTextTableFinder {
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
    static let maxGlyphs = 200_000, maxRows = 1_000, maxColumns = 64, maxSlots = 40_000, maxCaptions = 16

    static func tables(_ chars: UnsafeBufferPointer<dl_pdf_char>, lines: [PDFLine], rules: [PDFTableFinder.Rule],
                       ruled: [PDFTableFinder.Grid], continuing: [Double]?) -> Found {
        var glyphs: [Glyph] = []
        for c in chars where c.scalar > 0x20 && c.scalar != 0xA0 && c.scalar != 0x3000 && c.x1 >= c.x0 && c.y1 >= c.y0 {
            let g = Glyph(x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, size: c.fontSize > 0 ? c.fontSize : c.y1 - c.y0, scalar: c.scalar)
            if !ruled.contains(where: { $0.contains(x: g.midX, y: g.midY) }) { glyphs.append(g) }
        }
        guard !glyphs.isEmpty, glyphs.count <= maxGlyphs else { return Found() }
        let captions = lines.filter { line in isCaption(line.text)
            && !ruled.contains(where: { $0.contains(x: (line.left + line.right) / 2, y: (line.top + line.bottom) / 2) }) }
        let all = textRows(glyphs)
        let sides = pageColumns(all)
        guard sides.count > 1 else { return tables(in: all, captions: captions, rules: rules, ruled: ruled, continuing: continuing) }
        // A page set in two columns: each column's tables are its own (a line across the page
        // is two columns' lines, not a table's row). A table the page before ended inside goes
        // on at the top of the first column.
        var found = Found()
        for (k, side) in sides.enumerated() {
            let part = tables(in: textRows(glyphs.filter { side.contains($0.midX) }),
                              captions: captions.filter { side.contains(($0.left + $0.right) / 2) },
                              rules: rules.filter { $0.from < side.upperBound && $0.to > side.lowerBound }, ruled: ruled,
                              continuing: k == 0 ? continuing : nil)
            found.grids += part.grids
            found.open = part.open
        }
        return found
    }

    /// The tables of one column of a page: below each caption, and at its top when a table of
    /// the page before runs on.
    private static func tables(in rows: [TextRow], captions: [PDFLine], rules: [PDFTableFinder.Rule],
                               ruled: [PDFTableFinder.Grid], continuing: [Double]?) -> Found {
        var starts: [(row: Int, columns: [Double]?)] = []
        if let continuing, continuing.count >= 3,
           let k = rows.prefix(3).firstIndex(where: { $0.chunks.count >= 2 && fits($0, continuing) }) {
            starts.append((k, continuing))
        }
        // A page holds a few tables: past `maxCaptions` captions (a page of `表1` lines) the rest
        // are read as text, so that a hostile page costs what a label's does.
        for line in captions.prefix(maxCaptions) {
            // The first row below the caption: rows stand in order down the page.
            var lo = 0, hi = rows.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if rows[mid].midY > line.bottom { hi = mid } else { lo = mid + 1 }
            }
            if lo < rows.count, !starts.contains(where: { $0.row == lo }) { starts.append((lo, nil)) }
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
            guard let (grid, kept) = grid(part, columns: columns, rules: rules) else { continue }
            found.grids.append(grid)
            region = region.lowerBound..<(region.lowerBound + kept)
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
                let usual = gaps.count >= 2 ? gaps[gaps.count / 2] : .infinity
                if gap > 2.2 * max(row.size, previous.size) || gap > max(row.size, 2.5 * usual) { break }
                // Kept sorted, for their median.
                gaps.insert(gap, at: gaps.firstIndex { $0 > gap } ?? gaps.count)
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
}
