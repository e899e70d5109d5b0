@testable import DrugLabel
import Foundation
import PDFBridge
import Testing
import TestSupport

/// Small labels whose tables are printed without borders, each a layout the finder must not
/// misread (Scripts/make-document-fixtures.py writes them, of its own words, into layouts/).
@Suite("layouts around tables printed without borders") struct BorderlessLayoutTests {
    static func path(_ name: String) -> String { DocumentFixtures.other("layouts/\(name).pdf") }

    static func read(_ name: String) throws -> ReadDocument {
        let path = path(name)
        guard case .document(let document) = try DocumentReader().read(LabelFile.read(path), path: path) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return document
    }

    /// A grid's text by row and column, spaces left out (poppler sets Latin off from Chinese).
    static func cells(_ grid: DocumentGrid) -> [[String]] {
        var rows = Array(repeating: Array(repeating: "", count: grid.columnCount), count: grid.rowCount)
        for c in grid.cells where c.row < grid.rowCount && c.column < grid.columnCount {
            rows[c.row][c.column] = DocumentFixtures.comparable(c.text)
        }
        return rows
    }

    /// The printed characters of a PDF, spaces left out, as poppler gives them.
    static func printed(_ path: String) throws -> Int {
        let bytes = try LabelFile.read(path)
        return bytes.withUnsafeBufferPointer { buffer in
            var error = [CChar](repeating: 0, count: 64)
            guard let pdf = dl_pdf_open(buffer.baseAddress, Int64(buffer.count), &error, 64) else { return -1 }
            defer { dl_pdf_close(pdf) }
            var count = 0
            for p in 0..<dl_pdf_page_count(pdf) {
                var n: Int64 = 0
                guard let chars = dl_pdf_page_chars(pdf, p, &n) else { continue }
                count += UnsafeBufferPointer(start: chars, count: Int(n)).filter { $0.scalar > 0x20 && $0.scalar != 0x3000 }.count
                dl_pdf_free(chars)
            }
            return count
        }
    }

    @Test("every printed character is read once", arguments: ["two-columns-table", "same-width-cells", "prose-under-table", "caption-beside-header"])
    func nothingLost(_ name: String) throws {
        let read = try Self.read(name)
        #expect(read.text.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{3000}" }.count == (try Self.printed(Self.path(name))))
    }

    @Test("a table on a page set in two columns is the table, not the page")
    func twoColumns() throws {
        let grids = try Self.read("two-columns-table").grids
        #expect(grids.map(Self.cells) == [[["参数", "单次", "多次"], ["Cmax", "12.1", "15.3"], ["AUC", "110", "140"], ["t1/2", "6.2", "6.8"]]])
    }

    @Test("cells all of one width are rows of their own")
    func sameWidth() throws {
        let grids = try Self.read("same-width-cells").grids
        #expect(grids.map(Self.cells) == [[["系统器官分类", "不良反应", "频率"], ["胃肠系统疾病", "恶心", "常见"], ["胃肠系统疾病", "便秘", "偶见"],
                                           ["各类神经系统疾病", "头痛", "常见"], ["皮肤及皮下组织类疾病", "皮疹", "罕见"], ["肝胆系统疾病", "肝功能异常", "罕见"]]])
        // A table of words only: the header is its first row, every other row a row.
        let table = try #require(try LabelParser().parse(fileAt: Self.path("same-width-cells")).tables.first)
        #expect(table.stub == ["系统器官分类"] && table.columns == [["不良反应"], ["频率"]])
        #expect(table.rows.map(\.label) == ["胃肠系统疾病", "胃肠系统疾病", "各类神经系统疾病", "皮肤及皮下组织类疾病", "肝胆系统疾病"])
        #expect(table.rows.map { $0.cells.map(\.raw) } == [["恶心", "常见"], ["便秘", "偶见"], ["头痛", "常见"], ["皮疹", "罕见"], ["肝功能异常", "罕见"]])
    }

    @Test("prose set close under a table stays prose")
    func proseUnder() throws {
        let read = try Self.read("prose-under-table")
        #expect(read.grids.map(Self.cells) == [[["不良反应", "本品组（N=120）", "安慰剂组（N=118）"], ["恶心", "12（10.0%）", "3（2.5%）"],
                                                ["呕吐", "8（6.7%）", "1（0.8%）"], ["头痛", "5（4.2%）", "0"]]])
        // Counts with their percentage, `12（10.0%）`, are values: the header is one row.
        let table = try #require(try LabelParser().parse(fileAt: Self.path("prose-under-table")).tables.first)
        #expect(table.rows.map(\.label) == ["恶心", "呕吐", "头痛"])
        #expect(table.rows.map { $0.cells.map(\.value) } == [[12, 3], [8, 1], [5, 0]])
        let lines = read.text.components(separatedBy: "\n")
        for prose in ["上述不良反应多为轻度至中度。", "2.上市后经验", "上市后报告了以下不良反应："] {
            let k = try #require(lines.firstIndex { DocumentFixtures.comparable($0) == prose }, "\(prose)")
            #expect(read.origins[k + 1]?.page != nil && read.origins[k + 1]?.cell == nil, "\(prose)")
        }
    }

    @Test("a caption beside the table before it is the next table's caption")
    func captionBeside() throws {
        let read = try Self.read("caption-beside-header")
        #expect(read.grids.map(Self.cells) == [
            [["不良反应", "本品组（N=120）", "安慰剂组（N=118）"], ["恶心", "12（10.0%）", "3（2.5%）"], ["呕吐", "8（6.7%）", "1（0.8%）"], ["头痛", "5（4.2%）", "0"]],
            [["检查项目", "本品组", "安慰剂组"], ["ALT升高", "6", "2"], ["AST升高", "4", "1"]],
        ])
        let label = try LabelParser().parse(fileAt: Self.path("caption-beside-header"))
        #expect(label.tables.map(\.id) == ["表 1", "表 2"])
    }
}
