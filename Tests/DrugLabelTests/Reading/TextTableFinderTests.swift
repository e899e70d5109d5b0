@testable import DrugLabel
import Foundation
import PDFBridge
import Testing
import TestSupport

/// The borderless table finder on pages written here: what a page of characters placed anyhow
/// gives, and a page of many rows and columns.
@Suite("the finder of tables printed without borders") struct TextTableFinderTests {
    /// A page's characters, a line's characters one after another, a newline after each line.
    static func page(_ lines: [[(Character, Double, Double)]], size: Double = 10) -> [dl_pdf_char] {
        var out: [dl_pdf_char] = []
        for line in lines {
            for (c, x, y) in line {
                out.append(dl_pdf_char(scalar: c.unicodeScalars.first!.value, x0: x, y0: y, x1: x + size, y1: y + size, fontSize: size))
            }
            out.append(dl_pdf_char(scalar: 0x0A, x0: 0, y0: 0, x1: 0, y1: 0, fontSize: 0))
        }
        return out
    }

    static func text(_ s: String, x: Double, y: Double, size: Double = 10) -> [(Character, Double, Double)] {
        s.enumerated().map { ($1, x + Double($0) * size, y) }
    }

    static func tables(_ chars: [dl_pdf_char]) -> PDFTextTableFinder.Found {
        chars.withUnsafeBufferPointer { buffer in
            PDFTextTableFinder.tables(buffer, lines: PDFLine.lines(buffer), rules: [], ruled: [], continuing: nil)
        }
    }

    @Test("a caption over words in columns is a table; the same words with no caption stay text")
    func captioned() {
        var lines = [Self.text("表1 不良反应", x: 50, y: 100)]
        for (k, row) in [("恶心", "12", "3"), ("呕吐", "8", "1"), ("头痛", "5", "0")].enumerated() {
            let y = 115 + Double(k) * 15
            lines.append(Self.text(row.0, x: 50, y: y) + Self.text(row.1, x: 150, y: y) + Self.text(row.2, x: 250, y: y))
        }
        let found = Self.tables(Self.page(lines))
        #expect(found.grids.count == 1)
        #expect(found.grids.first?.columns.count == 4)
        #expect(found.grids.first?.rows.count == 4)
        #expect(Self.tables(Self.page(Array(lines.dropFirst()))).grids.isEmpty)
    }

    @Test("characters placed anyhow under a caption never trap")
    func anyhow() {
        var random = SplitMix(seed: 16)
        for _ in 0..<300 {
            var lines = [Self.text("表1", x: Double.random(in: -50...600, using: &random), y: Double.random(in: -50...50, using: &random))]
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                var line: [(Character, Double, Double)] = []
                let y = Double.random(in: -100...900, using: &random)
                for _ in 0..<Int.random(in: 1...30, using: &random) {
                    line.append((["表", "1", "a", "注", "（", "。", "-", " ", "【", "x"][Int.random(in: 0...9, using: &random)], Double.random(in: -100...700, using: &random), y + Double.random(in: -3...3, using: &random)))
                }
                lines.append(line)
            }
            let chars = Self.page(lines, size: Double.random(in: 0...30, using: &random))
            let found = Self.tables(chars)
            for grid in found.grids {
                #expect(grid.rows == grid.rows.sorted() && grid.columns == grid.columns.sorted())
            }
        }
    }

    /// Its time is `bench documents`'s to measure; here, that it ends with the table whole.
    @Test("a page of 300 rows of 60 values is one table of 60 columns")
    func full() {
        // A caption and 300 rows of 60 values: 18,000 characters in columns.
        var lines = [Self.text("表1", x: 0, y: 0, size: 4)]
        for r in 0..<300 {
            lines.append((0..<60).flatMap { c in Self.text("\(r % 10)", x: Double(c) * 12, y: 6 + Double(r) * 6, size: 4) })
        }
        let found = Self.tables(Self.page(lines, size: 4))
        #expect(found.grids.count == 1)
        #expect(found.grids.first?.columns.count == 61)
        #expect(found.grids.first?.rows.count == 301)
    }
}
