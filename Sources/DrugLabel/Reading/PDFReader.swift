import PDFBridge

/// Reads a PDF's text layer through poppler: each page's lines in poppler's reading order, with
/// the page and the line within the page as each line's origin. Superscripts are told by their
/// smaller font and raised baseline (`10⁶` stays a power of ten); text that stands at the same
/// place page after page (running headers, page numbers) is furniture and left out. A PDF with
/// no text layer is refused: it needs OCR.
struct PDFReader {
    func read(_ bytes: [UInt8]) throws -> ReadDocument {
        try bytes.withUnsafeBufferPointer { buffer in
            var error = [CChar](repeating: 0, count: 256)
            guard let pdf = dl_pdf_open(buffer.baseAddress, Int64(buffer.count), &error, Int32(error.count)) else {
                let reason = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                throw InputError.unreadablePDF(reason.isEmpty ? "poppler gave no reason" : reason)
            }
            defer { dl_pdf_close(pdf) }
            let count = Int(dl_pdf_page_count(pdf))
            var pages: [[PDFLine]] = []
            pages.reserveCapacity(count)
            for p in 0..<count {
                var n: Int64 = 0
                guard let chars = dl_pdf_page_chars(pdf, Int32(p), &n) else { pages.append([]); continue }
                defer { dl_pdf_free(chars) }
                pages.append(PDFLine.lines(UnsafeBufferPointer(start: chars, count: Int(n))))
            }
            let printed = pages.reduce(0) { $0 + $1.reduce(0) { $0 + $1.visibleCount } }
            if count > 0 && printed < 20 * count / 10 + 1 { throw InputError.scanned(pages: count) }
            let furniture = PDFLine.furniture(pages)
            var writer = LineWriter()
            for (p, lines) in pages.enumerated() {
                var previous: PDFLine?
                for (k, line) in lines.enumerated() where !furniture.contains(PDFLine.FurnitureKey(line, pageCount: count)) {
                    if let previous, line.top - previous.bottom > 0.8 * max(previous.size, line.size) { writer.blank() }
                    writer.line(line.text, origin: LineOrigin(page: p + 1, pageLine: k + 1))
                    previous = line
                }
                writer.blank()
            }
            return writer.document(format: .pdf, diagnostics: [], pages: count)
        }
    }
}

/// One line of a PDF page as poppler laid it out: its text with superscripts read, its box,
/// and its main font size.
struct PDFLine {
    var text: String
    var top: Double, bottom: Double, left: Double, right: Double
    var size: Double
    var visibleCount: Int

    /// A line's place and text with its digits blurred: a page number changes, its place not.
    struct FurnitureKey: Hashable {
        var text: String
        var top: Int

        init(_ line: PDFLine, pageCount: Int) {
            text = String(line.text.unicodeScalars.filter { !("0"..."9").contains($0) && !$0.properties.isWhitespace }.map(Character.init))
            top = Int((line.top / 4).rounded())
        }
    }

    /// Lines whose place and text recur on at least half the pages (and three at least).
    static func furniture(_ pages: [[PDFLine]]) -> Set<FurnitureKey> {
        guard pages.count >= 3 else { return [] }
        var seen: [FurnitureKey: Int] = [:]
        for lines in pages {
            for key in Set(lines.map { FurnitureKey($0, pageCount: pages.count) }) { seen[key, default: 0] += 1 }
        }
        return Set(seen.filter { $0.value * 2 >= pages.count && $0.value >= 3 }.keys)
    }

    static func lines(_ chars: UnsafeBufferPointer<dl_pdf_char>) -> [PDFLine] {
        var out: [PDFLine] = []
        var start = 0
        for i in 0...chars.count where i == chars.count || chars[i].scalar == 0x0A {
            if i > start, let line = PDFLine(UnsafeBufferPointer(rebasing: chars[start..<i])) { out.append(line) }
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
        var text = InlineText()
        var run = ""
        var raised = false
        for c in chars {
            guard let scalar = Unicode.Scalar(c.scalar) else { continue }
            let isRaised = c.scalar > 0x20 && size > 0 && c.fontSize > 0 && c.fontSize < size * 0.85 && c.y1 < baseline - size * 0.2
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
