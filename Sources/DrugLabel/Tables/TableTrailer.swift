/// What follows a table's last row: notes (`数据来源：…`, `CI，置信区间；…`) and footnote
/// definitions (`a. 疲劳包括疲劳、难受。`, `#各类检查：…`). It ends at the first paragraph that is
/// neither: the prose of the section again.
struct TableTrailer: Sendable {
    var footnotes: [Table.Footnote] = []
    var notes: [String] = []
    /// The last line it took, if any.
    var lastLine: Int?

    /// Joins wrapped lines as the section does, but stops at the first paragraph that is not
    /// a note or a footnote: a table's region may run to the end of a long section.
    init(_ lines: [SourceLine], rules: TableRules, joiner: WrapJoiner) {
        var paragraph: Paragraph?
        var last: SourceLine?
        var blanks = 0
        func take(_ p: Paragraph) -> Bool {
            if let definition = rules.footnoteDefinition(p.text) {
                for mark in definition.marks {
                    footnotes.append(Table.Footnote(mark: mark, text: definition.text, span: p.span))
                }
            } else if rules.isNote(p.text) {
                notes.append(p.text)
            } else {
                return false
            }
            lastLine = p.span.endLine
            return true
        }
        for line in lines {
            if line.isBlank { blanks += 1; continue }
            if paragraph != nil, let previous = last, joiner.continues(previous, line, blanksBetween: blanks) {
                WrapJoiner.append(&paragraph!.text, line.text)
                paragraph!.span = paragraph!.span.union(line.span)
            } else {
                if let p = paragraph, !take(p) { return }
                // A paragraph that opens with neither a mark nor a note's words ends the trailer.
                if rules.footnoteDefinition(line.text) == nil && !rules.isNote(line.text) { return }
                paragraph = Paragraph(text: line.text, span: line.span, width: line.width)
            }
            last = line
            blanks = 0
        }
        if let p = paragraph { _ = take(p) }
    }
}
