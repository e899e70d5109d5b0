/// Rebuilds a table of numbers from its flattened lines: header, group rows, rows with their
/// values (on the label's line or on the lines after it), a header repeated after a page break.
struct NumericTableReader: Sendable {
    let rules: TableRules
    let lexer: ValueLexer
    let cellReader: CellReader

    init(rules: TableRules) {
        self.rules = rules
        lexer = ValueLexer(rules: rules)
        cellReader = CellReader(rules: rules)
    }

    struct Result {
        var header: ColumnHeader
        var groups: [Table.Group]
        var rows: [Table.Row]
        /// Index in the given lines where the body stopped: notes, footnotes or prose start there.
        var end: Int
        var diagnostics: [Diagnostic]
    }

    /// A row being gathered: its label lines and the values seen so far.
    private struct Pending {
        var labelLines: [SourceLine]
        var values: [(token: ValueLexer.Token, line: Int)] = []
        var group: String?
        /// The values came on the label's own line, so their spacing is evidence.
        var oneLine = false
    }

    /// `lines` may be a slice: `end` counts from its first line all the same.
    func read(_ lines: ArraySlice<SourceLine>, tableID: String) -> Result {
        // The non-blank lines, and where each stands among `lines`: the lines are copied once.
        var bodyLines: [SourceLine] = []
        var offsets: [Int] = []
        for (offset, line) in lines.enumerated() where !line.isBlank {
            bodyLines.append(line)
            offsets.append(offset)
        }
        // Lines are lexed once, when first looked at: the body is gathered twice and a table's
        // region may run to the end of a long section.
        var cache = LineFacts(count: bodyLines.count)
        var firstValue = bodyLines.count
        for k in bodyLines.indices {
            let lexed = self.lexed(bodyLines, k, &cache)
            if !lexed.values.isEmpty && !isFootnoteOrNote(bodyLines, k, &cache) { firstValue = k; break }
        }
        var header = ColumnHeader()
        var bodyStart = 0 // index into bodyLines
        var armHeads: [(name: String, n: Int, written: String, footnotes: [String])] = []
        if let found = ColumnHeader.arms(Array(bodyLines[..<firstValue]), rules: rules) {
            header.stub = found.stub
            armHeads = found.arms
            bodyStart = found.used
        } else if firstValue > 0, bodyLines.count > 1 {
            bodyStart = 1 // a header with no arms: its first line
        }
        // How many value columns: the most common count of values per row.
        let count = NumericTableReader.mode(valueCounts(bodyLines, from: bodyStart, cache: &cache)) ?? armHeads.count
        let sub: (labels: [String], extra: [String], used: Int)
        if armHeads.isEmpty, bodyStart == 1 {
            let tokens = HeaderTokens.split(bodyLines[0].text).map(\.text)
            sub = (Array(tokens.suffix(count)), Array(tokens.dropLast(count)), 0)
        } else {
            sub = ColumnHeader.subheaders(bodyLines[bodyStart...], count: count, armCount: armHeads.count)
        }
        header.stub += sub.extra
        bodyStart += sub.used
        (header.columns, header.arms) = ColumnHeader.paths(arms: armHeads, labels: sub.labels, count: count)
        header.foldedLines = bodyLines[..<bodyStart].map { TextFold.standard.fold($0.text) }

        let body = gather(bodyLines, from: bodyStart, headerFolded: header.foldedLines, cache: &cache)
        var diagnostics = body.diagnostics
        var rows: [Table.Row] = []
        var rangeStatistics: [String: Bool] = [:]
        for pending in body.rows {
            let (row, notes) = makeRow(pending, count: count, tableID: tableID, rangeStatistics: &rangeStatistics)
            rows.append(row)
            diagnostics += notes
        }
        let endIndex = bodyStart + body.consumed < offsets.count ? offsets[bodyStart + body.consumed] : lines.count
        return Result(header: header, groups: body.groups, rows: rows, end: endIndex, diagnostics: diagnostics)
    }

    /// What the reader asks of each body line, answered once: the body is gathered twice, and
    /// a table's first footnote line, where both passes stop, went through the footnote
    /// pattern each time.
    private struct LineFacts {
        var lexed: [ValueLexer.Result?]
        var footnoteOrNote: [Bool?]

        init(count: Int) {
            lexed = Array(repeating: nil, count: count)
            footnoteOrNote = Array(repeating: nil, count: count)
        }
    }

    private func lexed(_ lines: [SourceLine], _ k: Int, _ facts: inout LineFacts) -> ValueLexer.Result {
        if let known = facts.lexed[k] { return known }
        let lexed = lexer.lex(lines[k].text)
        facts.lexed[k] = lexed
        return lexed
    }

    /// The opening alone says whether a line defines a footnote, with no copy of the text
    /// after its marks.
    private func isFootnoteOrNote(_ lines: [SourceLine], _ k: Int, _ facts: inout LineFacts) -> Bool {
        if let known = facts.footnoteOrNote[k] { return known }
        let text = lines[k].text
        let answer = rules.footnoteOpening(text) != nil || rules.isNote(text)
        facts.footnoteOrNote[k] = answer
        return answer
    }

    /// Groups and rows from body lines, up to the first note, footnote definition or prose.
    private func gather(_ lines: [SourceLine], from start: Int, headerFolded: [String],
                        cache: inout LineFacts) -> (groups: [Table.Group], rows: [Pending], consumed: Int, diagnostics: [Diagnostic]) {
        var groups: [Table.Group] = []
        var rows: [Pending] = []
        var texts: [SourceLine] = []
        var group: String?
        var diagnostics: [Diagnostic] = []
        var i = start
        func flushGroups() {
            for line in texts {
                let label = RowLabel(line.text, rules: rules)
                groups.append(Table.Group(label: label.text, footnotes: label.footnotes, span: line.span))
                group = label.text
            }
            texts = []
        }
        while i < lines.count {
            let line = lines[i]
            if !headerFolded.isEmpty, line.text.firstScalar.flatMap(TextFold.standard.scalar) == headerFolded[0].firstScalar,
               TextFold.standard.fold(line.text) == headerFolded[0] {
                // The header again at the top of the next page: skip it, keep the group in force.
                var j = 0
                while j < headerFolded.count, i + j < lines.count, TextFold.standard.fold(lines[i + j].text) == headerFolded[j] { j += 1 }
                if j == headerFolded.count {
                    diagnostics.append(Diagnostic(.info, "table.headerRepeated",
                                                  "the column header is repeated after a page break; the table continues", line: line.number))
                    i += j
                    continue
                }
            }
            if isFootnoteOrNote(lines, i, &cache) { break }
            let lexed = self.lexed(lines, i, &cache)
            if lexed.values.isEmpty {
                if isProse(line.text) { break }
                if isAnnotation(line.text), !texts.isEmpty || (rows.last.map { $0.values.isEmpty } ?? false) {
                    if texts.isEmpty { rows[rows.count - 1].labelLines.append(line) } else { texts.append(line) }
                } else {
                    texts.append(line)
                }
            } else if lexed.label.isEmpty {
                let tokens = lexed.values.map { ($0, line.number) }
                if !texts.isEmpty {
                    // Values under a label of their own lines: `客观缓解率（ORR）a（%）` `（95%CI）` `72` …
                    rows.append(Pending(labelLines: texts, values: tokens, group: group))
                    texts = []
                } else if !rows.isEmpty, !rows[rows.count - 1].oneLine {
                    rows[rows.count - 1].values += tokens
                } else {
                    diagnostics.append(Diagnostic(.warning, "table.valuesWithoutLabel",
                                                  "values with no row label: “\(line.text)”", line: line.number))
                }
            } else {
                flushGroups()
                var labelLine = line
                labelLine.text = lexed.label
                var pending = Pending(labelLines: [labelLine], values: lexed.values.map { ($0, line.number) }, group: group)
                pending.oneLine = true
                rows.append(pending)
            }
            i += 1
        }
        // Trailing text lines with no values are not rows: leave them to the notes.
        let consumed = i - texts.count - start
        return (groups, rows, consumed, diagnostics)
    }

    /// How many values each row of the body holds (values on the label's line, or a run of
    /// value lines under a label), an interval on a line of its own not counted.
    private func valueCounts(_ lines: [SourceLine], from start: Int, cache: inout LineFacts) -> [Int] {
        var counts: [Int] = []
        var run = 0
        for k in start..<lines.count {
            let text = lines[k].text
            if isFootnoteOrNote(lines, k, &cache) { break }
            let lexed = self.lexed(lines, k, &cache)
            let values = lexed.values.reduce(0) { $1.intervalOnly ? $0 : $0 + 1 }
            if lexed.values.isEmpty {
                if isProse(text) { break }
                if run > 0 { counts.append(run); run = 0 }
            } else if lexed.label.isEmpty {
                run += values
            } else {
                if run > 0 { counts.append(run); run = 0 }
                counts.append(values)
            }
        }
        if run > 0 { counts.append(run) }
        return counts.filter { $0 > 0 }
    }

    /// `（95%CI）`, `（范围）d`, `中位值c`: the rest of a row label on a line of its own.
    private func isAnnotation(_ text: String) -> Bool {
        if let first = text.first, first == "（" || first == "(" || first == "[" { return true }
        let folded = TextFold.standard.fold(text)
        return rules.statistics.contains { folded.hasBytePrefix($0) } && folded.count <= 8
    }

    /// A sentence, not a row: it ends like one, or runs wider than any row label.
    private func isProse(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return last == "。" || last == "；" || DisplayWidth.of(text) > 60
    }

    /// `rangeStatistics` holds, for each statistic seen in the table, whether it names a range:
    /// a table's rows repeat a few statistics, and folding one and searching it for every row
    /// was a fifth of the time spent making rows.
    private func makeRow(_ pending: Pending, count: Int, tableID: String,
                         rangeStatistics: inout [String: Bool]) -> (Table.Row, [Diagnostic]) {
        // Most labels are one line: no join, and no arrays of their texts and spans.
        let written = pending.labelLines.count == 1 ? pending.labelLines[0].text
            : pending.labelLines.map(\.text).reduce("") { WrapJoiner.join($0, $1) }
        let label = RowLabel(written, rules: rules)
        var isRange = false
        if let statistic = label.statistic {
            if let known = rangeStatistics[statistic] {
                isRange = known
            } else {
                let folded = TextFold.standard.fold(statistic)
                isRange = rules.rangeStatistics.contains { folded.contains($0) }
                rangeStatistics[statistic] = isRange
            }
        }
        var span = pending.labelLines.dropFirst().reduce(pending.labelLines[0].span) { $0.union($1.span) }
        var diagnostics: [Diagnostic] = []
        var cells: [Table.Cell] = []
        cells.reserveCapacity(max(count, pending.values.count))
        var tokens = pending.values
        // `2.1 （0.03+, 8.4+） NA NA NA NA` in a `中位值（范围）` row: each NA pair is a value and its range.
        var excess = tokens.reduce(0) { $1.token.intervalOnly ? $0 : $0 + 1 } - count
        if excess > 0, label.statistic != nil {
            var merged: [(token: ValueLexer.Token, line: Int)] = []
            var k = 0
            while k < tokens.count {
                let t = tokens[k]
                let hasInterval = k + 1 < tokens.count && tokens[k + 1].token.intervalOnly
                if excess > 0, !t.token.intervalOnly, !hasInterval, k + 1 < tokens.count, isNotANumber(tokens[k + 1].token.raw) {
                    var next = tokens[k + 1]
                    next.token.intervalOnly = true
                    merged += [t, next]
                    excess -= 1
                    k += 2
                } else {
                    merged.append(t)
                    k += 1
                }
            }
            tokens = merged
        }
        for (token, line) in tokens {
            span = span.union(SourceSpan(line: line))
            if token.intervalOnly, !cells.isEmpty {
                let written = cells[cells.count - 1].raw.utf8.count
                cellReader.attach(interval: token.raw, to: &cells[cells.count - 1], intervalIsRange: isRange)
                // The interval's line is the cell's too, when the cell took its text.
                if cells[cells.count - 1].raw.utf8.count != written {
                    cells[cells.count - 1].span = cells[cells.count - 1].span.union(SourceSpan(line: line))
                }
            } else {
                var cell = cellReader.cell(token.raw, intervalIsRange: isRange)
                cell.span = SourceSpan(line: line)
                cells.append(cell)
            }
        }
        let line = pending.labelLines[0].number
        if cells.count < count {
            // `天冬氨酸转氨酶升高 8 4  10`: a double space where the lost cell stood.
            let gaps = pending.oneLine ? tokens.dropFirst().map { max(0, $0.token.spacesBefore - 1) } : []
            if pending.oneLine, cells.count + gaps.reduce(0, +) == count {
                var placed: [Table.Cell] = [cells[0]]
                for (cell, gap) in zip(cells.dropFirst(), gaps) {
                    placed += Array(repeating: Table.Cell(raw: "", flags: [.missing]), count: gap)
                    placed.append(cell)
                }
                let lost = placed.indices.filter { placed[$0].flags == [.missing] }.map { String($0 + 1) }.joined(separator: ", ")
                diagnostics.append(Diagnostic(.warning, "table.cellMissing",
                                              "\(tableID), row “\(label.text)”: \(cells.count) values for \(count) columns; the wider space in the line places the lost cell in column \(lost)",
                                              line: line))
                cells = placed
            } else {
                diagnostics.append(Diagnostic(.warning, "table.cellsUnplaced",
                                              "\(tableID), row “\(label.text)”: \(cells.count) value(s) for \(count) columns and nothing in the text says which columns; placed from the left and flagged uncertainColumn",
                                              line: line))
                cells = cells.map { var c = $0; c.flags = (c.flags ?? []) + [.uncertainColumn]; return c }
                cells += Array(repeating: Table.Cell(raw: "", flags: [.missing]), count: count - cells.count)
            }
        } else if cells.count > count {
            diagnostics.append(Diagnostic(.warning, "table.extraValues",
                                          "\(tableID), row “\(label.text)”: \(cells.count) values for \(count) columns; all are kept",
                                          line: line))
        }
        // A cell the source lost came from no line: it stands in the row's.
        for k in cells.indices where cells[k].span == Table.Cell.unknownSpan { cells[k].span = span }
        let row = Table.Row(group: pending.group, label: label.text, footnotes: label.footnotes,
                            unit: label.unit, statistic: label.statistic, cells: cells, span: span)
        return (row, diagnostics)
    }

    private func isNotANumber(_ raw: String) -> Bool {
        rules.isNotAvailable(raw) || rules.isNotEstimable(raw)
    }

    static func mode(_ values: [Int]) -> Int? {
        var counts: [Int: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key
    }
}
