@testable import DrugLabel
import PDFBridge
import Testing

/// Poppler's reading order mended where it split lines of prose at a gap, and kept where the gap
/// is a gutter between two columns. Pages written here, lines given in the order poppler gives.
@Suite("PDF reading order") struct PDFReadingOrderTests {
    typealias Page = TextTableFinderTests

    /// The lines of `pieces` (text, x, y) as PDFLines, in the order given.
    static func lines(_ pieces: [(String, Double, Double)]) -> [(line: PDFLine, pageLine: Int)] {
        let chars = Page.page(pieces.map { Page.text($0.0, x: $0.1, y: $0.2) })
        return chars.withUnsafeBufferPointer { PDFLine.lines($0) }.enumerated().map { ($1, $0 + 1) }
    }

    @Test("a line split at a wide gap is one line again, and the page reads top to bottom")
    func splitProse() {
        // `禁用。　　2.心、肝` on the first row: poppler read the pieces left of the gap down the
        // page, then the pieces right of it.
        let given = Self.lines([("1.儿童禁用。", 50, 100), ("全者禁用。", 50, 115), ("2.心、肝、肾功能不", 130, 100),
                                ("3.胃溃疡患者禁用。", 110, 115), ("4.严重心律失常者禁用。", 50, 130)])
        let read = PDFReadingOrder.physical(given)
        #expect(read.map(\.line.text) == ["1.儿童禁用。 2.心、肝、肾功能不", "全者禁用。 3.胃溃疡患者禁用。", "4.严重心律失常者禁用。"])
        #expect(read.map(\.pageLine) == [1, 2, 5])
        #expect(read[0].line.left == 50 && read[0].line.right == 230)
    }

    @Test("two columns keep poppler's order: the left column down the page, then the right")
    func twoColumns() {
        var pieces: [(String, Double, Double)] = []
        for k in 0..<8 { pieces.append(("左栏第\(k)行的文字", 50, 100 + Double(k) * 15)) }
        for k in 0..<8 { pieces.append(("右栏第\(k)行的文字", 300, 100 + Double(k) * 15)) }
        let given = Self.lines(pieces)
        #expect(PDFReadingOrder.physical(given).map(\.line.text) == given.map(\.line.text))
    }

    @Test("a short second column (a last page) keeps poppler's order, as do columns a little out of line")
    func shortSecondColumn() {
        var pieces: [(String, Double, Double)] = []
        for k in 0..<12 { pieces.append(("左栏第\(k)行的文字", 50, 100 + Double(k) * 15)) }
        for k in 0..<3 { pieces.append(("右栏第\(k)行的文字", 300, 100 + Double(k) * 15)) }
        let given = Self.lines(pieces)
        #expect(PDFReadingOrder.physical(given).map(\.line.text) == given.map(\.line.text))
        var offset: [(String, Double, Double)] = []
        for k in 0..<12 { offset.append(("左栏第\(k)行的文字", 50, 100 + Double(k) * 15 + (k >= 8 ? 5 : 0))) }
        for k in 0..<12 { offset.append(("右栏第\(k)行的文字", 300, 105 + Double(k) * 15)) }
        let shifted = Self.lines(offset)
        #expect(PDFReadingOrder.physical(shifted).map(\.line.text) == shifted.map(\.line.text))
    }

    @Test("a page with no split line keeps poppler's order")
    func nothingSplit() {
        let given = Self.lines([("第一段。", 50, 130), ("第二段。", 50, 100)])
        #expect(PDFReadingOrder.physical(given).map(\.line.text) == ["第一段。", "第二段。"])
    }

    @Test("a page of thousands of split rows is read in bounded time")
    func manyRows() {
        var pieces: [(String, Double, Double)] = []
        // Every other row is split; the rows between cross the gaps, so none is a gutter.
        for k in 0..<3000 {
            let y = 100 + Double(k) * 12
            if k % 2 == 0 {
                pieces.append((String(repeating: "文", count: 30), 50, y))
            } else {
                pieces.append(("甲乙", 50, y))
                pieces.append(("丙丁", 80 + Double(k % 7) * 30, y))
            }
        }
        let read = PDFReadingOrder.physical(Self.lines(pieces))
        #expect(read.count == 3000 && read[1].line.text == "甲乙 丙丁")
    }

    /// Justified Chinese comes from poppler with a space wherever a character was set a little
    /// apart (`严 重 高 血 压`).
    @Test("a space between Chinese characters set a little apart is spacing; a wide one stays")
    func justifiedSpacing() {
        // Characters 10 pt wide, 1.5 pt apart, poppler's space between each; then a gap of two
        // ems before `2.`, and Latin after a small gap.
        var chars: [dl_pdf_char] = []
        var x = 50.0
        func put(_ c: Character, gapAfter: Double) {
            chars.append(dl_pdf_char(scalar: c.unicodeScalars.first!.value, x0: x, y0: 100, x1: x + 10, y1: 110, fontSize: 10))
            x += 10
            if gapAfter > 0 {
                chars.append(dl_pdf_char(scalar: 0x20, x0: x, y0: 100, x1: x + gapAfter, y1: 110, fontSize: 10))
                x += gapAfter
            }
        }
        for c in "严重高血压" { put(c, gapAfter: 1.5) }
        put("。", gapAfter: 20)
        for c in "2.每次" { put(c, gapAfter: 0) }
        put("次", gapAfter: 2.5)
        for c in "400mg" { put(c, gapAfter: 0) }
        let line = chars.withUnsafeBufferPointer { PDFLine.lines($0) }
        #expect(line.map(\.text) == ["严重高血压。 2.每次次 400mg"])
    }
}
