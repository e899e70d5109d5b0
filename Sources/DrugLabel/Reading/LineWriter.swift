/// Writes a structured document's blocks as lines of text, noting each line's origin: one line
/// a paragraph (a paragraph's own line breaks make more, with the same origin), a blank line
/// after each, and a table's cells in reading order, a cell's paragraphs one line each.
struct LineWriter {
    private(set) var lines: [String] = []
    private(set) var origins: [LineOrigin] = []
    private(set) var grids: [DocumentGrid] = []
    private var paragraphs = 0
    /// Whether lines count as paragraphs of the document (.docx, HTML); a PDF's do not.
    var countsParagraphs = true

    /// A line with its origin; text with line breaks of its own is several lines.
    mutating func line(_ text: String, origin: LineOrigin) {
        for piece in LineWriter.pieces(text) {
            lines.append(piece)
            origins.append(origin)
        }
    }

    /// Text cut where it breaks a line, as the text stage will cut it.
    static func pieces(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: {
            $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{0B}" || $0 == "\u{0C}" || $0 == "\u{85}"
        }).map(String.init)
    }

    /// A table larger than this is written as lines only, with no grid: no label has one, and
    /// typing it cell by cell would take memory by the slot.
    static let largestGrid = (columns: 512, slots: 1_000_000)

    mutating func blank() {
        lines.append("")
        origins.append(LineOrigin())
    }

    mutating func write(_ block: ReadBlock) {
        switch block {
        case .paragraph(let text):
            // Every paragraph of the document counts, an empty one too: `paragraph` is the
            // document's own numbering.
            paragraphs += 1
            guard !isBlank(text) else { return }
            line(text, origin: LineOrigin(paragraph: paragraphs))
            blank()
        case .table(let rows):
            write(table: rows)
        }
    }

    private mutating func write(table rows: [[ReadCell]]) {
        let ordinal = grids.count + 1
        let first = lines.count + 1
        var cells: [DocumentGrid.Cell] = []
        var columns = 0
        for (r, row) in rows.enumerated() {
            for cell in row {
                columns = max(columns, cell.column + cell.columnSpan)
                let kept = cell.paragraphs.filter { !isBlank($0) }
                var span: SourceSpan?
                let address = CellAddress(table: ordinal, row: r + 1, column: cell.column + 1)
                if countsParagraphs { paragraphs += cell.paragraphs.count - kept.count }
                for p in kept {
                    var origin = LineOrigin(page: cell.page, pageLine: cell.pageLine, cell: address)
                    if countsParagraphs {
                        paragraphs += 1
                        origin.paragraph = paragraphs
                    }
                    let start = lines.count + 1
                    line(p, origin: origin)
                    let s = SourceSpan(startLine: start, endLine: lines.count)
                    span = span.map { $0.union(s) } ?? s
                }
                if !kept.isEmpty { blank() }
                cells.append(DocumentGrid.Cell(row: r, column: cell.column, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan,
                                               paragraphs: kept.flatMap(LineWriter.pieces),
                                               span: span))
            }
        }
        guard !cells.isEmpty, lines.count >= first, columns <= LineWriter.largestGrid.columns,
              rows.count * columns <= LineWriter.largestGrid.slots else { return }
        grids.append(DocumentGrid(ordinal: ordinal, rowCount: rows.count, columnCount: columns, cells: cells,
                                  span: SourceSpan(startLine: first, endLine: lines.count)))
    }

    private func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    func document(format: DocumentFormat, diagnostics: [Diagnostic], pages: Int? = nil) -> ReadDocument {
        ReadDocument(format: format, text: lines.joined(separator: "\n"), origins: LineOrigins(origins), grids: grids,
                     diagnostics: diagnostics, pages: pages)
    }
}
