import DrugLabel
import Foundation
import TestSupport
import Testing

/// Every cell of tables 1–7 where the fixture script wrote it: the readers give the grid back
/// cell by cell, and the typed tables put each value in its row and column.
@Suite("the tables of the .docx and the HTML page, as the fixture script wrote them") struct TableLayoutTests {
    /// A PDF's cells are compared as one text each: the page shows wrapped lines, and where a
    /// line that does not end a sentence stops short of the cell's edge, only the writer knew
    /// whether a paragraph ended there.
    @Test("each reader's grids are the layout, cell by cell", arguments: ["docx", "html", "pdf"])
    func gridsAreTheLayout(_ ext: String) throws {
        let layout = try DocumentFixtures.layout()
        let grids = try DocumentFixtures.read(ext).grids
        #expect(grids.count == layout.count)
        for (grid, table) in zip(grids, layout) {
            #expect(grid.rowCount == table.rows, "\(table.id)")
            #expect(grid.columnCount == table.columns, "\(table.id)")
            // Empty cells are written as empty in the layout; compare the cells with text.
            let expected = table.cells.filter { !$0.paragraphs.isEmpty }
            let got = grid.cells.filter { !$0.paragraphs.isEmpty }
            #expect(got.count == expected.count, "\(table.id)")
            for (g, e) in zip(got, expected) {
                #expect(g.row == e.row && g.column == e.column, "\(table.id): \(e.paragraphs.first ?? "") at \(e.row),\(e.column), read at \(g.row),\(g.column)")
                // LibreOffice prints a vertically merged cell that a page break (or the header it
                // repeats) runs through as two, a rule drawn between them: the PDF holds the text
                // cell and a blank one under it, and the reader reads what is printed.
                if ext == "pdf" {
                    #expect(g.columnSpan == e.columnSpan && g.rowSpan <= e.rowSpan, "\(table.id) \(e.row),\(e.column) spans")
                } else {
                    #expect(g.rowSpan == e.rowSpan && g.columnSpan == e.columnSpan, "\(table.id) \(e.row),\(e.column) spans")
                }
                if ext == "pdf" {
                    #expect(DocumentFixtures.comparable(g.paragraphs.joined()) == DocumentFixtures.comparable(e.paragraphs.joined()),
                            "\(table.id) \(e.row),\(e.column)")
                } else {
                    #expect(g.paragraphs.map(DocumentFixtures.comparable) == e.paragraphs.map(DocumentFixtures.comparable), "\(table.id) \(e.row),\(e.column)")
                }
            }
        }
    }

    @Test("the values the text places from the left are in their columns", arguments: ["docx", "html", "pdf"])
    func mergedCells(_ ext: String) throws {
        let label = try DocumentFixtures.parse(ext)
        let t5 = try #require(label.tables.first { $0.id == "表 5" })
        for name in ["6个月的OS", "12个月的OS", "24个月的OS"] {
            let row = try #require(t5.rows.first { DocumentFixtures.comparable($0.label) == name })
            #expect(row.cells.count == 3)
            #expect(row.cells[0].value != nil && row.cells[0].flags == nil, "\(name)")
            #expect(row.cells.dropFirst().allSatisfy { $0.flags == [.merged] }, "\(name)")
        }
        let t7 = try #require(label.tables.first { $0.id == "表 7" })
        let merged = t7.rows.filter { $0.cells.last?.flags == [.merged] }.map { DocumentFixtures.comparable($0.label) }
        #expect(merged == ["分层风险比", "分层对数秩p值", "ORR差异", "分层p值", "分层风险比"])
        #expect(t7.rows.allSatisfy { row in row.cells.allSatisfy { $0.flags?.contains(.uncertainColumn) != true } })
        let hr = try #require(t7.rows.first { $0.label == "分层风险比" })
        #expect(hr.cells[0].value == 0.40 && hr.cells[0].ci == [0.31, 0.51])
    }

    @Test("the prose cells of tables 3 and 4 are whole and in their columns", arguments: ["docx", "html"])
    func proseCells(_ ext: String) throws {
        let label = try DocumentFixtures.parse(ext)
        let t3 = try #require(label.tables.first { $0.id == "表 3" })
        #expect(t3.kind == .prose)
        #expect(t3.columns == [["CRS 分级"], ["托珠单抗"], ["皮质类固醇"]])
        #expect(t3.columnFootnotes == [["a"], [], ["e"]])
        #expect(t3.rows.map(\.label) == ["1 级", "2 级", "3 级", "4 级"])
        let grade3 = t3.rows[2]
        // The text runs the tocilizumab column into the symptoms (`转氨酶升参照 2 级 CRS`).
        #expect(grade3.cells[0].raw.hasSuffix("3 级器官毒性或 4 级转氨酶升高。"))
        #expect(grade3.cells[1].raw == "参照 2 级 CRS 进行处理。\n如果症状改善，按上述适当级别进行管理。")
        #expect(grade3.cells[2].raw.hasPrefix("静脉给予地塞米松 10 mg，每日3 次。"))
        #expect(t3.rows.allSatisfy { $0.cells.allSatisfy { $0.flags == nil } })
        let t4 = try #require(label.tables.first { $0.id == "表 4" })
        let grade2 = t4.rows[1]
        #expect(grade2.cells[1].raw.components(separatedBy: "\n").count == 4)
        #expect(!grade2.cells[1].raw.contains("静脉给予地塞米松 10 mg，每日 4次。"))
        #expect(grade2.cells[2].raw.hasPrefix("静脉给予地塞米松 10 mg，每日 4次。"))
    }
}
