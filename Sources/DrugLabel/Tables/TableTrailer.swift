/// What follows a table's last row: notes (`数据来源：…`, `CI，置信区间；…`) and footnote
/// definitions (`a. 疲劳包括疲劳、难受。`, `#各类检查：…`). It ends at the first paragraph that is
/// neither: the prose of the section again.
struct TableTrailer: Sendable {
    var footnotes: [Table.Footnote] = []
    var notes: [String] = []
    /// The last line it took, if any.
    var lastLine: Int?

    init(_ lines: [SourceLine], rules: TableRules, joiner: WrapJoiner) {
        for paragraph in joiner.paragraphs(lines) {
            if let definition = rules.footnoteDefinition(paragraph.text) {
                for mark in definition.marks {
                    footnotes.append(Table.Footnote(mark: mark, text: definition.text, span: paragraph.span))
                }
            } else if rules.isNote(paragraph.text) {
                notes.append(paragraph.text)
            } else {
                break
            }
            lastLine = paragraph.span.endLine
        }
    }
}
