/// Finds the tables in a label's sections and rebuilds each: from its caption to its last note
/// or footnote definition, or to the prose that follows it.
struct TableExtractor: Sendable {
    let rules: TableRules
    let joiner: WrapJoiner

    /// The tables of one section's body; `key` is the section's catalogue key.
    func extract(body: ArraySlice<SourceLine>, key: String?) -> (tables: [Table], diagnostics: [Diagnostic]) {
        var tables: [Table] = []
        var diagnostics: [Diagnostic] = []
        let captions = body.indices.compactMap { i in TableCaption(body[i], rules: rules).map { (i, $0) } }
        for (n, (index, caption)) in captions.enumerated() {
            let regionEnd = n + 1 < captions.count ? captions[n + 1].0 : body.endIndex
            // Not copied: the last table's region runs to the end of the section, and copying
            // it was 2% of a 50 MB label's parse.
            let region = body[(index + 1)..<regionEnd]
            let grid = joiner.layout.grids.first { grid in
                grid.span.startLine > body[index].number && region.contains { $0.number == grid.span.startLine }
            }
            let (table, notes) = grid.map { read(caption, line: body[index], grid: $0, region: region, section: key) }
                ?? read(caption, line: body[index], region: region, section: key)
            tables.append(table)
            diagnostics += notes
        }
        return (tables, diagnostics)
    }

    /// A table the document holds as a table: typed from its cells, the notes and footnote
    /// definitions after it read from the lines that follow.
    private func read(_ caption: TableCaption, line: SourceLine, grid: DocumentGrid, region: ArraySlice<SourceLine>,
                      section: String?) -> (Table, [Diagnostic]) {
        let typed = GridTableReader(rules: rules).read(grid)
        var table = Table(id: caption.id, caption: caption.text, section: section, kind: typed.kind, stub: typed.stub,
                          columns: typed.columns, columnFootnotes: typed.columnFootnotes, arms: typed.arms, groups: typed.groups,
                          rows: typed.rows, footnotes: [], notes: [], span: line.span)
        let after = region.drop { $0.number <= grid.span.endLine }
        let trailer = TableTrailer(after, rules: rules, joiner: joiner)
        table.footnotes = trailer.footnotes
        table.notes = trailer.notes
        table.span = SourceSpan(startLine: line.number, endLine: max(grid.span.endLine, trailer.lastLine ?? grid.span.endLine))
        var diagnostics: [Diagnostic] = []
        if table.rows.isEmpty {
            diagnostics.append(Diagnostic(.warning, "table.noRows", "\(caption.id): a caption with no rows after it", line: line.number))
        }
        return (table, diagnostics)
    }

    private func read(_ caption: TableCaption, line: SourceLine, region: ArraySlice<SourceLine>, section: String?) -> (Table, [Diagnostic]) {
        var table = Table(id: caption.id, caption: caption.text, section: section, kind: .numeric, stub: [], columns: [],
                          columnFootnotes: [], arms: [], groups: [], rows: [], footnotes: [], notes: [], span: line.span)
        var diagnostics: [Diagnostic] = []
        let end: Int
        if region.prefix(40).contains(where: { rules.isGradeRow($0) }) {
            let prose = ProseTableReader(rules: rules, joiner: joiner).read(Array(region), tableID: caption.id)
            table.kind = .prose
            table.columns = prose.columns
            table.columnFootnotes = prose.columnFootnotes.contains { !$0.isEmpty } ? prose.columnFootnotes : []
            table.rows = prose.rows
            table.notes = prose.notes
            end = prose.end
            diagnostics += prose.diagnostics
        } else {
            let numeric = NumericTableReader(rules: rules).read(region, tableID: caption.id)
            table.stub = numeric.header.stub
            table.columns = numeric.header.columns
            table.arms = numeric.header.arms
            table.groups = numeric.groups
            table.rows = numeric.rows
            end = numeric.end
            diagnostics += numeric.diagnostics
        }
        // `end` counts from the region's first line.
        let trailer = TableTrailer(region[(region.startIndex + end)...], rules: rules, joiner: joiner)
        table.footnotes = trailer.footnotes
        table.notes += trailer.notes
        let lastRow = table.rows.last?.span.endLine ?? line.number
        table.span = SourceSpan(startLine: line.number, endLine: max(lastRow, trailer.lastLine ?? lastRow))
        if table.rows.isEmpty {
            diagnostics.append(Diagnostic(.warning, "table.noRows", "\(caption.id): a caption with no rows after it", line: line.number))
        }
        if table.kind == .numeric {
            let defined = Set(table.footnotes.map(\.mark))
            let cited = table.rows.flatMap(\.footnotes) + table.groups.flatMap(\.footnotes) + table.arms.flatMap(\.footnotes)
            var reported = Set<String>()
            for mark in cited where !defined.contains(mark) && reported.insert(mark).inserted {
                diagnostics.append(Diagnostic(.warning, "table.footnoteUndefined",
                                              "\(caption.id): footnote “\(mark)” is cited but not defined after the table", line: line.number))
            }
        }
        return (table, diagnostics)
    }
}
