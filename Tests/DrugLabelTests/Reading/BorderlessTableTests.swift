import DrugLabel
import Foundation
import TestSupport
import Testing

/// The seed label printed with tables 1, 3, 5 and 7 as three-line tables (a rule above, one under
/// the header, one below) and tables 2, 4 and 6 with no rules at all: the cells are found from
/// where the words stand. What a print without borders cannot show, and the tests allow:
/// - how far a merged cell reaches: a merged cell is read as far as its text goes (an organ
///   class over five terms is read over the rows its name's lines stand in; the comparisons of
///   table 7, one value under both arms, are one column wide);
/// - where a grouping column's name ends when it fills the column's width exactly and the next
///   name starts on the next row: the two read as one name wrapped (`undecidable`);
/// - whether a label cell's later paragraphs, on lines of their own with no values beside them,
///   are the cell's or rows of their own (table 5's `中位值` / `（范围）`): they are read as rows,
///   and the values stay with the label's first line;
/// - which of the columns a value merged across them belongs to, when it is centred across
///   three equal columns (table 5's OS rows in the second print): it stands under the middle
///   one, and is read there.
@Suite("tables printed without cell borders") struct BorderlessTableTests {
    /// The two prints: `borderless` in Noto Sans at 10 pt with Word's cell margins (0.19 cm);
    /// `borderless-narrow` in Noto Serif at 10.5 pt with LibreOffice's (0.1 cm), values centred.
    static let prints = ["borderless.pdf", "borderless-narrow.pdf"]

    static func document(_ print: String) throws -> ReadDocument {
        let path = DocumentFixtures.path(print)
        guard case .document(let document) = try DocumentReader().read(LabelFile.read(path), path: path) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return document
    }

    /// `肝胆系统疾病` and `皮肤及皮下组织类疾病` fill their column exactly, and the next organ
    /// class starts on the next row: printed, they are one name wrapped over two rows.
    static let undecidable: Set<String> = ["表 1 42,0", "表 1 43,0", "表 2 56,0", "表 2 57,0"]

    @Test("every cell is in the row and column the script wrote, where the print can tell", arguments: prints)
    func cells(_ print: String) throws {
        let c = DocumentFixtures.comparable
        let layout = try DocumentFixtures.layout()
        let grids = try Self.document(print).grids
        #expect(grids.count == layout.count)
        for (grid, table) in zip(grids, layout) where table.id != "表 5" {
            #expect(grid.rowCount == table.rows, "\(table.id)")
            #expect(grid.columnCount == table.columns, "\(table.id)")
            let written = table.cells.filter { !$0.paragraphs.isEmpty && !Self.undecidable.contains("\(table.id) \($0.row),\($0.column)") }
            for e in written {
                let g = grid.cells.first { $0.row == e.row && $0.column >= e.column && $0.column < e.column + e.columnSpan && !$0.paragraphs.isEmpty }
                    ?? grid.cells.first { $0.row == e.row && $0.column == e.column }
                #expect(g.map { c($0.paragraphs.joined()) } == c(e.paragraphs.joined()), "\(table.id) \(e.row),\(e.column)")
                #expect(g.map { $0.rowSpan <= e.rowSpan && $0.columnSpan <= e.columnSpan } == true, "\(table.id) \(e.row),\(e.column) spans")
            }
            // And no text anywhere else.
            for g in grid.cells where !g.paragraphs.isEmpty && !Self.undecidable.contains("\(table.id) \(g.row),\(g.column)") {
                #expect(written.contains { $0.row == g.row && g.column >= $0.column && g.column < $0.column + $0.columnSpan },
                        "\(table.id) \(g.row),\(g.column): \(g.paragraphs)")
            }
        }
    }

    @Test("a label cell's paragraphs on lines of their own: the values stay with its first line", arguments: prints)
    func labelParagraphs(_ print: String) throws {
        let c = DocumentFixtures.comparable
        let table = try #require(try DocumentFixtures.layout().first { $0.id == "表 5" })
        let grid = try #require(try Self.document(print).grids.first { $0.cells.contains { c($0.paragraphs.joined()) == "最短随访时间" } })
        let labels = grid.cells.filter { $0.column == 0 }.sorted { $0.row < $1.row }
        var next = 0
        for r in 0..<table.rows {
            let row = table.cells.filter { $0.row == r }
            guard let label = row.first(where: { $0.column == 0 }), !label.paragraphs.isEmpty else { continue }
            // The grid row that starts with the label's first paragraph holds the row's values.
            let starts = { (g: DocumentGrid.Cell, first: String) in c(g.paragraphs.joined()).hasPrefix(c(first)) }
            let k = try #require(labels[next...].firstIndex { starts($0, label.paragraphs[0]) }, "\(label.paragraphs[0])")
            let at = labels[k].row
            for e in row where e.column > 0 && !e.paragraphs.isEmpty {
                let g = grid.cells.first { $0.row == at && $0.column >= e.column && $0.column < e.column + e.columnSpan && !$0.paragraphs.isEmpty }
                #expect(g.map { c($0.paragraphs.joined()) } == c(e.paragraphs.joined()), "\(label.paragraphs[0]) column \(e.column)")
            }
            // Its later paragraphs are the labels of the rows after it, in order.
            let rest = labels[(k + 1)...].prefix { g in !table.cells.contains { $0.column == 0 && $0.row > r && starts(g, $0.paragraphs.first ?? "\u{0}") } }
            #expect(c(([labels[k]] + rest).flatMap(\.paragraphs).joined()) == c(label.paragraphs.joined()), "\(label.paragraphs[0])")
            next = k + 1 + rest.count
        }
    }

    /// The typed tables against the ruled PDF's (whose own agreement with the text is tested):
    /// the same rows, labels and values. Cells merged across columns are blank cells here (no
    /// `merged` flag: nothing printed says they are merged).
    @Test("the typed tables hold the ruled PDF's rows and values", arguments: prints)
    func typedTables(_ print: String) throws {
        let c = DocumentFixtures.comparable
        let ruled = try DocumentFixtures.parse("pdf"), mine = try DocumentFixtures.parse(print)
        #expect(mine.tables.map(\.id) == ruled.tables.map(\.id))
        for (a, b) in zip(mine.tables, ruled.tables) {
            #expect(a.kind == b.kind, "\(a.id)")
            #expect(a.columns.map { $0.map(c) } == b.columns.map { $0.map(c) }, "\(a.id)")
            #expect(a.stub.map(c) == b.stub.map(c), "\(a.id)")
            #expect(a.arms.map { c($0.name) } == b.arms.map { c($0.name) }, "\(a.id)")
            #expect(a.footnotes.map(\.mark) == b.footnotes.map(\.mark), "\(a.id)")
            #expect(a.rows.map { c($0.label) } == b.rows.map { c($0.label) }, "\(a.id)")
            for (x, y) in zip(a.rows, b.rows) {
                // A value merged across columns: in some column of those it spans.
                let spans = y.cells.contains { $0.flags?.contains(.merged) == true }
                let raw = { (row: Table.Row) in spans ? row.cells.map { c($0.raw) }.filter { !$0.isEmpty } : row.cells.map { c($0.raw) } }
                #expect(raw(x) == raw(y), "\(a.id) \(x.label)")
                #expect(x.cells.compactMap(\.value) == y.cells.compactMap(\.value), "\(a.id) \(x.label)")
                if !spans {
                    #expect(x.cells.map(\.value) == y.cells.map(\.value), "\(a.id) \(x.label)")
                    #expect(x.cells.map { $0.flags ?? [] } == y.cells.map { $0.flags ?? [] }, "\(a.id) \(x.label)")
                }
            }
            // The organ classes but the two the print cannot end, and table 5's label paragraphs.
            if ["表 3", "表 4", "表 6", "表 7"].contains(a.id) {
                #expect(a.groups.map { c($0.label) } == b.groups.map { c($0.label) }, "\(a.id)")
                #expect(a.rows.map { $0.group.map(c) } == b.rows.map { $0.group.map(c) }, "\(a.id)")
            }
        }
    }
}
