/// The lines of a PDF page as a borderless table's finder reads them: each character with its
/// box, the page's characters grouped into lines across the page by where they stand, each line
/// cut into chunks where a gap is a gutter's width.
extension PDFTextTableFinder {
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
}
