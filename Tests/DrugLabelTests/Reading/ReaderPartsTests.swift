@testable import DrugLabel
import Foundation
import Testing

/// The readers' parts on small documents written here.
@Suite("the parts of the document readers") struct ReaderPartsTests {
    @Test("a raised number after a number is a power; a raised letter a footnote mark; a raised citation is dropped")
    func superscripts() {
        var t = InlineText()
        t.append("2.0 × 10", .baseline); t.append("6", .superscript); t.append("个细胞/m", .baseline); t.append("2", .superscript)
        #expect(t.text == "2.0 × 10⁶个细胞/m²")
        var mark = InlineText()
        mark.append("疲劳", .baseline); mark.append("a", .superscript)
        #expect(mark.text == "疲劳 a")
        var citation = InlineText()
        citation.append("见文献", .baseline); citation.append("12", .superscript); citation.append("。", .baseline)
        #expect(citation.text == "见文献。")
        var negative = InlineText()
        negative.append("1×10", .baseline); negative.append("-3", .superscript)
        #expect(negative.text == "1×10⁻³")
    }

    func html(_ page: String) throws -> ReadDocument { try HTMLReader().read(page) }

    @Test("a page's navigation, scripts and footer are not the label")
    func labelPart() throws {
        let page = """
        <html><head><title>t</title><script>var a = "【禁忌】";</script></head><body>
        <nav><a>【首页】</a><a>【药品】</a></nav>
        <div id="main"><p>【药品名称】</p><p>通用名称：某某片</p><p>【用法用量】</p><p>口服，一次1片<br>一日3次。</p></div>
        <footer><p>版权所有</p></footer></body></html>
        """
        let read = try html(page)
        let lines = read.text.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines == ["【药品名称】", "通用名称：某某片", "【用法用量】", "口服，一次1片", "一日3次。"])
        #expect(read.origins[7]?.paragraph == 4 && read.origins[8]?.paragraph == 4)
    }

    @Test("a label laid out as a table (a row a section: heading | text) reads a row a line")
    func layoutTable() throws {
        let page = """
        <html><body><div class="nav"><a>首页</a></div><table>
        <tr><td>【药品名称】</td><td>通用名称：某某片<br>汉语拼音：Moumou Pian</td></tr>
        <tr><td>【用法用量】</td><td>口服。成人一次2片，一日3次。</td></tr>
        <tr><td>【禁忌】</td><td>对本品过敏者禁用。</td></tr>
        </table></body></html>
        """
        let lines = try html(page).text.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines == ["【药品名称】 通用名称：某某片", "汉语拼音：Moumou Pian", "【用法用量】 口服。成人一次2片，一日3次。", "【禁忌】 对本品过敏者禁用。"])
        let label = try LabelParser().parse(bytes: Array(page.utf8), path: "layout.html")
        #expect(label.sections.map(\.key) == ["names", "dosage_and_administration", "contraindications"])
        #expect(label.doses.first?.span.startLine == label.section("dosage_and_administration")?.span.startLine)
    }

    @Test("rowspan and colspan place the cells after them")
    func spans() throws {
        let read = try html("""
        <!DOCTYPE html><table><tr><th rowspan="2">分类</th><th colspan="2">组（N=10）</th></tr>
        <tr><th>所有</th><th>≥3级</th></tr><tr><td>发热</td><td>5</td><td>1</td></tr></table>
        """)
        let grid = try #require(read.grids.first)
        #expect(grid.rowCount == 3 && grid.columnCount == 3)
        let placed = grid.cells.map { "\($0.row),\($0.column),\($0.rowSpan),\($0.columnSpan):\($0.text)" }
        #expect(placed == ["0,0,2,1:分类", "0,1,1,2:组（N=10）", "1,1,1,1:所有", "1,2,1,1:≥3级", "2,0,1,1:发热", "2,1,1,1:5", "2,2,1,1:1"])
        #expect(read.origins[grid.cells[5].span!.startLine]?.cell == CellAddress(table: 1, row: 3, column: 2))
    }

    @Test("Word list numbers as Word shows them")
    func numbering() {
        #expect(DocxNumbering.format(3, "chineseCounting") == "三")
        #expect(DocxNumbering.format(12, "chineseCounting") == "十二")
        #expect(DocxNumbering.format(21, "chineseCountingThousand") == "二十一")
        #expect(DocxNumbering.format(2, "decimalEnclosedCircle") == "②")
        #expect(DocxNumbering.format(28, "lowerLetter") == "bb")
        #expect(DocxNumbering.format(4, "upperRoman") == "IV")
    }

    @Test("a span's origin is its first line that has one")
    func origins() {
        let o = LineOrigins([LineOrigin(), LineOrigin(page: 2, pageLine: 5), LineOrigin(page: 2, pageLine: 6)])
        #expect(o.origin(of: SourceSpan(startLine: 1, endLine: 3))?.pageLine == 5)
        #expect(o.origin(of: SourceSpan(startLine: 1, endLine: 1)) == nil)
        #expect(o.origin(of: SourceSpan(startLine: 9, endLine: 12)) == nil)
        #expect(o.origin(of: SourceSpan(line: 0)) == nil)
    }

    @Test("a page is told from text with some tags left in it")
    func sniffing() throws {
        func isHTML(_ s: String, _ path: String) throws -> Bool {
            DocumentReader.isHTML(try TextDecoder().decode(Array(s.utf8)), path: path)
        }
        #expect(try isHTML("<!DOCTYPE html><html><body>x</body></html>", "a.txt"))
        #expect(try isHTML("\u{FEFF}  <!-- saved --> <HTML lang=zh>", "a"))
        #expect(try isHTML("<div><p>【禁忌】</p></div>", "page.htm"))
        #expect(try !isHTML("【禁忌】<br />孕妇禁用。", "label.txt"))
        #expect(try !isHTML("【禁忌】<br />孕妇禁用。", "label.html"))
        #expect(DocumentReader.isPDF(Array("garbage\n%PDF-1.4".utf8)))
        #expect(!DocumentReader.isPDF(Array("见 %PD".utf8)))
    }
}
