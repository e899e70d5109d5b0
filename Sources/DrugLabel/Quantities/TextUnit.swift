/// A run of text the dosing stage reads, with where it came from: a paragraph of a section, a
/// cell of a prose table (its grade row is the condition), a quoted field of a form.
struct TextUnit: Sendable {
    var text: String
    var span: SourceSpan
    var section: String?
    var condition: String?
    /// Where each source line starts in `text`, for a paragraph or a field of whole wrapped
    /// lines: a dose's lines come from its offsets. Nil for a table cell or a field put
    /// together from pieces, whose lines are found by their text.
    var lineStarts: Paragraph? = nil
    /// A prose-table cell placed in its column without evidence: its doses say so.
    var uncertain = false

    /// The paragraphs of each section, less those inside a table (a prose table is read cell
    /// by cell instead; a numeric table holds rates, not doses), then the cells of the prose
    /// tables.
    static func units(sections: [Section], tables: [Table]) -> [TextUnit] {
        let inTable = CoveredLines(tables.map(\.span))
        var units: [TextUnit] = []
        for section in sections { append(section, outside: inTable, to: &units) }
        for table in tables { append(cellsOf: table, to: &units) }
        return units
    }

    /// The paragraphs of `section` that no table covers.
    static func append(_ section: Section, outside inTable: CoveredLines, to units: inout [TextUnit]) {
        for p in section.paragraphs where !inTable.contains(p.span.startLine) {
            units.append(TextUnit(text: p.text, span: p.span, section: section.key, lineStarts: p))
        }
    }

    /// The cells of `table` if it is a prose table, each with its row and column as the condition.
    static func append(cellsOf table: Table, to units: inout [TextUnit]) {
        guard table.kind == .prose else { return }
        for row in table.rows {
            for (i, cell) in row.cells.enumerated() where !cell.raw.isEmpty {
                let column = i < table.columns.count ? table.columns[i].joined(separator: " / ") : ""
                // The cell's own lines: a statement is found among them, not the row's.
                let span = cell.span == Table.Cell.unknownSpan ? row.span : cell.span
                units.append(TextUnit(text: cell.raw, span: span, section: table.section,
                                      condition: "\(table.id) \(row.label)" + (column.isEmpty ? "" : "（\(column)）"),
                                      uncertain: cell.isUncertain))
            }
        }
    }

    /// A form's quoted label sections, one unit each.
    static func units(sections: [Section]) -> [TextUnit] {
        sections.map { s in
            // A field joined from whole wrapped lines knows where each starts; one put together
            // from pieces is found in its lines by its text.
            let known = s.paragraphs.count == 1 && s.paragraphs[0].text == s.text ? s.paragraphs[0] : nil
            return TextUnit(text: s.text, span: s.span, section: s.key, lineStarts: known)
        }
    }
}
