import PDFBridge

/// Reads a PDF's text layer through poppler: each page's lines in poppler's reading order
/// (mended where it split a line of prose at a wide gap: `PDFReadingOrder`), with
/// the page and the line within the page as each line's origin. Superscripts are told by their
/// smaller font and raised baseline (`10⁶` stays a power of ten); text that stands at the same
/// place page after page (running headers, page numbers) is furniture and left out. A PDF with
/// no text layer is refused: it needs OCR.
struct PDFReader {
    /// What a page is read into, in poppler's reading order: its lines, and its tables (ruled,
    /// or found from where their words stand) where their first line stood.
    enum Item {
        case line(PDFLine, pageLine: Int)
        case table(PDFTable)
        /// A table's part that was joined to the table it continues, at `page`, `index`.
        case continued(PDFTableFinder.Grid, page: Int, index: Int)
    }

    /// Pixels a point the page is drawn at to find its rules: a hairline border is still a
    /// pixel (a grey one, darker than the threshold), and an A4 page is 1.2 megapixels.
    static let ruleScale = 1.25

    func read(_ bytes: [UInt8]) throws -> ReadDocument {
        try bytes.withUnsafeBufferPointer { buffer in
            var error = [CChar](repeating: 0, count: 256)
            guard let pdf = dl_pdf_open(buffer.baseAddress, Int64(buffer.count), &error, Int32(error.count)) else {
                let reason = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                throw InputError.unreadablePDF(reason.isEmpty ? "poppler gave no reason" : reason)
            }
            defer { dl_pdf_close(pdf) }
            let count = Int(dl_pdf_page_count(pdf))
            var pages: [[Item]] = []
            pages.reserveCapacity(count)
            var printed = 0
            // Characters that are a font's codes rather than text (control codes, private use,
            // U+FFFD): what poppler gives for a font embedded without a ToUnicode table.
            var codes = 0, controls = 0
            // The column edges of a borderless table the page before ended inside.
            var open: [Double]?
            for p in 0..<count {
                var n: Int64 = 0
                guard let chars = dl_pdf_page_chars(pdf, Int32(p), &n) else { pages.append([]); continue }
                defer { dl_pdf_free(chars) }
                let page = UnsafeBufferPointer(start: chars, count: Int(n))
                let lines = PDFLine.lines(page)
                printed += lines.reduce(0) { $0 + $1.visibleCount }
                for c in page where PDFReader.isFontCode(c.scalar) {
                    codes += 1
                    if c.scalar < 0x20 { controls += 1 }
                }
                var grids: [PDFTableFinder.Grid] = []
                if PDFReader.mayHoldTable(lines) {
                    let (ruled, horizontal) = ruledGrids(pdf, page: p)
                    let found = PDFTextTableFinder.tables(page, lines: lines, rules: horizontal, ruled: ruled, continuing: open)
                    grids = (ruled + found.grids).sorted { ($0.top, $0.left) < ($1.top, $1.left) }
                    open = found.open
                } else {
                    open = nil
                }
                pages.append(PDFReadingOrder.repaired(items(lines, chars: page, page: p + 1, grids: grids)))
            }
            // Real text has none; a twentieth is a font (or all of them) read as codes, and
            // what came out is not the document's text. (Control codes are not counted as
            // printed, the others are.)
            let characters = printed + controls
            if codes > 0, codes * 20 >= characters { throw InputError.unmappedText(codes: codes, characters: characters) }
            // After that test: a text layer of font codes alone is no scan, and OCR tools refuse
            // a page that has text unless told to redo it.
            if count > 0 && printed < 2 * count + 1 { throw InputError.scanned(pages: count) }
            var diagnostics: [Diagnostic] = []
            if codes > 0 {
                diagnostics.append(Diagnostic(.warning, "read.unmappedCharacters",
                                              "\(codes) character(s) of the PDF's text layer are font codes with no Unicode mapping: a font was embedded without a ToUnicode table, and the text set in it is garbled; check it against the printed page"))
            }
            PDFTable.joinContinued(&pages)
            let furniture = PDFLine.furniture(pages.map { $0.compactMap { if case .line(let l, _) = $0 { return l } else { return nil } } })
            var writer = LineWriter()
            writer.countsParagraphs = false
            for (p, items) in pages.enumerated() {
                var previous: PDFLine?
                // The page's last line of text, when nothing came after it.
                var last: PDFLine?
                for item in items {
                    switch item {
                    case .line(let line, let k):
                        guard !furniture.contains(PDFLine.FurnitureKey(line)) else { continue }
                        if let previous, line.top - previous.bottom > 0.8 * max(previous.size, line.size) { writer.blank() }
                        writer.line(line.text, origin: LineOrigin(page: p + 1, pageLine: k))
                        previous = line
                        last = line
                    case .table(let table):
                        writer.blank()
                        writer.write(.table(table.rows))
                        previous = nil
                        last = nil
                    case .continued:
                        previous = nil
                        last = nil
                    }
                }
                // A sentence the page broke off (its last line runs to the margin and ends no
                // sentence) goes on at the top of the next page: no paragraph ends there.
                let margin = items.reduce(0.0) { if case .line(let l, _) = $1 { return max($0, l.right) } else { return $0 } }
                if let last, last.right >= margin - 2 * last.size,
                   let end = last.text.unicodeScalars.last(where: { !$0.properties.isWhitespace }), !"。；！？：;!?:】）)．.".unicodeScalars.contains(end) {
                    continue
                }
                writer.blank()
            }
            return writer.document(format: .pdf, diagnostics: diagnostics, pages: count)
        }
    }

    /// A control code (white space aside), a private-use code point or U+FFFD. Not U+F000–F0FF:
    /// Word's bullets from Symbol and Wingdings come out there, and they are marks, not lost text.
    static func isFontCode(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0xE000...0xEFFF).contains(v) || (0xF100...0xF8FF).contains(v)
            || v == 0xFFFD
    }

    /// Whether a page is worth drawing to find borders: a table puts lines side by side (cells
    /// of one row), or far apart within one line where poppler joined a row's cells, on three
    /// rows at least; a page of prose has none. Drawing a page is most of a PDF's reading time.
    static func mayHoldTable(_ lines: [PDFLine]) -> Bool {
        let sorted = lines.sorted { $0.top < $1.top }
        var rows = 0
        var i = 0
        while i < sorted.count {
            var j = i + 1
            var sideBySide = false
            while j < sorted.count, sorted[j].top < sorted[i].bottom {
                if sorted[j].left >= sorted[i].right || sorted[j].right <= sorted[i].left { sideBySide = true }
                j += 1
            }
            if sideBySide || sorted[i].widestGap >= 1.2 * sorted[i].size { rows += 1 }
            if rows >= 3 { return true }
            i += 1
        }
        return false
    }

    /// The page's ruled tables, and its horizontal rules (a three-line table's, which divide
    /// the rows of a table found from its words).
    private func ruledGrids(_ pdf: OpaquePointer, page: Int) -> ([PDFTableFinder.Grid], [PDFTableFinder.Rule]) {
        var n: Int64 = 0
        guard let rules = dl_pdf_page_rules(pdf, Int32(page), PDFReader.ruleScale, 12, &n) else { return ([], []) }
        defer { dl_pdf_free(rules) }
        let (h, v) = PDFTableFinder.rules(UnsafeBufferPointer(start: rules, count: Int(n)))
        return (PDFTableFinder.grids(horizontal: h, vertical: v), h)
    }

    /// The page's lines in order, those inside a table replaced by the table where its first
    /// line stood. A line's characters go to the table whose grid holds them: poppler may join a
    /// table's header and the next table's caption beside it into one line, which then feeds one
    /// table and leaves the caption a line of its own; no character is dropped.
    private func items(_ lines: [PDFLine], chars: UnsafeBufferPointer<dl_pdf_char>, page: Int, grids: [PDFTableFinder.Grid]) -> [Item] {
        guard !grids.isEmpty else { return lines.enumerated().map { .line($1, pageLine: $0 + 1) } }
        var feeds: [[Int]] = []
        var rest: [PDFLine?] = []
        var inside: [Int: [Int]] = [:]
        for (k, line) in lines.enumerated() {
            var tables = Set<Int>()
            var outside: [dl_pdf_char] = []
            for i in line.range where i < chars.count {
                let c = chars[i]
                let x = (c.x0 + c.x1) / 2, y = (c.y0 + c.y1) / 2
                if let g = grids.firstIndex(where: { $0.contains(x: x, y: y) }) { tables.insert(g) } else { outside.append(c) }
            }
            feeds.append(tables.sorted())
            for g in tables { inside[g, default: []].append(k) }
            if tables.isEmpty {
                rest.append(line)
            } else {
                rest.append(outside.withUnsafeBufferPointer { PDFLine($0) })
            }
        }
        var items: [Item] = []
        var placed = Set<Int>()
        for (k, tables) in feeds.enumerated() {
            let line = rest[k]
            if let line, tables.isEmpty || grids[tables[0]].top >= line.bottom { items.append(.line(line, pageLine: k + 1)) }
            for g in tables where placed.insert(g).inserted {
                items.append(.table(PDFTable(grid: grids[g], lines: inside[g]!.map { (lines[$0], $0 + 1) }, chars: chars, page: page)))
            }
            if let line, !tables.isEmpty, grids[tables[0]].top < line.bottom { items.append(.line(line, pageLine: k + 1)) }
        }
        return items
    }
}

/// One line of a PDF page as poppler laid it out: its text with superscripts read, its box,
/// and its main font size.
struct PDFLine {
    var text: String
    var top: Double, bottom: Double, left: Double, right: Double
    var size: Double
    var visibleCount: Int
    /// Its characters' place in the page's characters.
    var range: Range<Int> = 0..<0
    /// The widest gap between two of its characters, in points: cells of one row that poppler
    /// read as one line stand far apart.
    var widestGap: Double = 0

    /// A line's place and text with its digits blurred: a page number changes, its place not.
    struct FurnitureKey: Hashable {
        var text: String
        var top: Int

        init(_ line: PDFLine) {
            text = String(line.text.unicodeScalars.filter { !("0"..."9").contains($0) && !$0.properties.isWhitespace }.map(Character.init))
            top = Int((line.top / 4).rounded())
        }
    }

    /// Lines whose place and text recur on at least half the pages (and three at least).
    static func furniture(_ pages: [[PDFLine]]) -> Set<FurnitureKey> {
        guard pages.count >= 3 else { return [] }
        var seen: [FurnitureKey: Int] = [:]
        for lines in pages {
            for key in Set(lines.map { FurnitureKey($0) }) { seen[key, default: 0] += 1 }
        }
        return Set(seen.filter { $0.value * 2 >= pages.count && $0.value >= 3 }.keys)
    }

    static func lines(_ chars: UnsafeBufferPointer<dl_pdf_char>) -> [PDFLine] {
        var out: [PDFLine] = []
        var start = 0
        for i in 0...chars.count where i == chars.count || chars[i].scalar == 0x0A {
            if i > start, var line = PDFLine(UnsafeBufferPointer(rebasing: chars[start..<i])) {
                line.range = start..<i
                out.append(line)
            }
            start = i + 1
        }
        return out
    }

    /// Nil for a line of spaces only.
    init?(_ chars: UnsafeBufferPointer<dl_pdf_char>) {
        let visible = chars.filter { $0.scalar > 0x20 && $0.scalar != 0xA0 && $0.scalar != 0x3000 }
        guard !visible.isEmpty else { return nil }
        let sizes = visible.map(\.fontSize).sorted()
        let size = sizes[sizes.count / 2]
        self.size = size
        // The line's baseline: the lowest bottom among the characters of its main size.
        let main = visible.filter { $0.fontSize >= size * 0.9 }
        let baseline = (main.isEmpty ? visible : main).map(\.y1).max() ?? 0
        top = visible.map(\.y0).min() ?? 0
        bottom = baseline
        left = visible.map(\.x0).min() ?? 0
        right = visible.map(\.x1).max() ?? 0
        visibleCount = visible.count
        var widest = 0.0
        for (a, b) in zip(visible, visible.dropFirst()) where b.x0 > a.x1 { widest = max(widest, b.x0 - a.x1) }
        widestGap = widest
        var text = InlineText()
        var run = ""
        var raised = false
        func isRaisedAt(_ i: Int) -> Bool {
            let c = chars[i]
            return c.scalar > 0x20 && size > 0 && c.fontSize > 0 && c.fontSize < size * 0.85 && c.y1 < baseline - size * 0.2
        }
        // Justified Chinese is set with its characters spread a little apart, and poppler reads
        // any gap over a tenth of an em as a space (`严 重 高 血 压`). Between two Chinese
        // characters (or their punctuation) a gap under half an em is spacing, not a space;
        // a wider one (an ideographic space, a gap between columns) stays.
        func isSpacing(_ i: Int) -> Bool {
            guard i > 0, i + 1 < chars.count else { return false }
            let a = chars[i - 1], b = chars[i + 1]
            return DisplayWidth.isWide(a.scalar) && DisplayWidth.isWide(b.scalar)
                && b.x0 - a.x1 < 0.5 * max(a.fontSize, b.fontSize) && b.x0 >= a.x0
        }
        for (i, c) in chars.enumerated() {
            guard let scalar = Unicode.Scalar(c.scalar) else { continue }
            if c.scalar == 0x20, isSpacing(i) { continue }
            let isRaised = isRaisedAt(i)
            // Spaces poppler puts around a raised mark are not the text's (`（ORR） a （%）`).
            // After the mark a space stays before a digit or a Latin letter (`托珠单抗ᶜ 8 mg`).
            if c.scalar == 0x20 && (i + 1 < chars.count && isRaisedAt(i + 1)) { continue }
            if c.scalar == 0x20 && raised, !(i + 1 < chars.count && chars[i + 1].scalar < 0x80 && chars[i + 1].scalar > 0x20) { continue }
            if isRaised != raised {
                text.append(run, raised ? .superscript : .baseline)
                run = ""
                raised = isRaised
            }
            run.unicodeScalars.append(scalar)
        }
        text.append(run, raised ? .superscript : .baseline)
        self.text = text.text
    }
}
