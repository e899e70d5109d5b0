/// A table as an aligned grid a person can hold against the PDF: header levels on top, group
/// rows flush left, rows indented under them, cells as written. A prose table prints each
/// grade with its cells one under another, since they do not fit side by side. Uncertain cells
/// are marked `?` (before a numeric cell, after a prose cell's column) and explained under it.
public enum TableGrid {
    public static func render(_ table: Table) -> String {
        var out = "\(table.id)  \(table.caption)\n"
        out += "section \(table.section ?? "(none)"), lines \(table.span.startLine)–\(table.span.endLine), \(table.rows.count) rows\n\n"
        switch table.kind {
        case .numeric: out += numeric(table)
        case .prose: out += prose(table)
        }
        if !table.footnotes.isEmpty {
            out += "\n" + table.footnotes.map { "\($0.mark). \($0.text)" }.joined(separator: "\n") + "\n"
        }
        if !table.notes.isEmpty {
            out += "\n" + table.notes.map { "注 \($0)" }.joined(separator: "\n") + "\n"
        }
        if table.hasUncertainCells { out += "\n" + legend + "\n" }
        return out
    }

    /// Said under a table with marked cells: what the `?` means and what to do.
    public static let legend = "? = the text of this cell may belong to another column, or the source lost it: check it against the document (the warnings say where)"

    private static func numeric(_ table: Table) -> String {
        let depth = table.columns.map(\.count).max() ?? 0
        var lines: [[String]] = []
        for level in 0..<depth {
            var line = [level == depth - 1 ? table.stub.joined(separator: " / ") : ""]
            for (i, path) in table.columns.enumerated() {
                let text = level < path.count ? path[level] : ""
                // An arm over several columns is printed over its first one only.
                let repeated = i > 0 && level < depth - 1 && level < table.columns[i - 1].count && table.columns[i - 1][level] == text
                line.append(repeated ? "" : text)
            }
            lines.append(line)
        }
        let spanning = max(0, depth - 1)
        var group: String?
        for row in table.rows {
            if row.group != group, let g = row.group {
                let marks = table.groups.first { $0.label == g }?.footnotes ?? []
                lines.append([g + (marks.isEmpty ? "" : " " + marks.joined(separator: ","))] + table.columns.map { _ in "" })
            }
            group = row.group
            var label = (row.group == nil ? "" : "  ") + row.label
            if !row.footnotes.isEmpty { label += " " + row.footnotes.joined(separator: ",") }
            let note = [row.unit, row.statistic].compactMap { $0 }
            if !note.isEmpty { label += " (" + note.joined(separator: "; ") + ")" }
            lines.append([label] + row.cells.map { cell in
                cell.flags?.contains(.missing) == true ? "?" : cell.isUncertain ? "?" + cell.raw : cell.raw
            })
        }
        return align(lines, spanning: spanning)
    }

    private static func prose(_ table: Table) -> String {
        var out = ""
        for row in table.rows {
            out += "\(row.label)  (lines \(row.span.startLine)–\(row.span.endLine))\n"
            for (i, cell) in row.cells.enumerated() {
                var head = i < table.columns.count ? table.columns[i].joined(separator: " / ") : "(extra)"
                if i < table.columnFootnotes.count, !table.columnFootnotes[i].isEmpty {
                    head += " " + table.columnFootnotes[i].joined(separator: ",")
                }
                let text = cell.raw.replacingAll("\n", with: "\n    ")
                let shown = cell.flags?.contains(.missing) == true ? "?" : text.isEmpty ? "—" : text
                out += "  [\(head)]\(cell.isUncertain ? " ?" : "")\n    \(shown)\n"
            }
        }
        return out
    }

    /// The first `spanning` lines hold arm names over several columns: they do not widen the
    /// columns, and each runs over the columns to its right that it leaves empty.
    private static func align(_ lines: [[String]], spanning: Int) -> String {
        let count = lines.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for line in lines.dropFirst(spanning) {
            for (i, cell) in line.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        return lines.enumerated().map { n, line in
            var out = ""
            var i = 0
            while i < line.count {
                var room = widths[i]
                var j = i + 1
                if n < spanning { while j < line.count, line[j].isEmpty { room += widths[j] + 2; j += 1 } }
                let cell = line[i]
                out += j >= line.count ? cell : cell + String(repeating: " ", count: max(1, room - DisplayWidth.of(cell) + 2))
                i = j
            }
            return String(out.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n") + "\n"
    }
}
