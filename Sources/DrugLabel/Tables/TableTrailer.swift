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
    init(_ lines: ArraySlice<SourceLine>, rules: TableRules, joiner: WrapJoiner) {
        var paragraph: Paragraph?
        var last: SourceLine?
        var blanks = 0
        // The footnote opening of the paragraph's first line, read once: it is the paragraph's
        // too while nothing was joined within the head that `footnoteOpening` reads.
        var firstOpening: (marks: [String], offset: Int)?
        var openingHolds = true
        var longFirstLine = false
        func take(_ p: Paragraph) -> Bool {
            if let opening = openingHolds ? firstOpening : rules.footnoteOpening(p.text) {
                let text = String(p.text.unicodeScalars.dropFirst(opening.offset))
                for mark in opening.marks {
                    footnotes.append(Table.Footnote(mark: mark, text: text, span: p.span))
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
                if !longFirstLine { openingHolds = false }
            } else {
                if let p = paragraph, !take(p) { return }
                // A paragraph that opens with neither a mark nor a note's words ends the trailer.
                let opening = rules.footnoteOpening(line.text)
                if opening == nil && !rules.isNote(line.text) { return }
                paragraph = Paragraph(text: line.text, span: line.span, width: line.width)
                firstOpening = opening
                openingHolds = true
                longFirstLine = line.text.unicodeScalars.count >= TableRules.footnoteHead
            }
            last = line
            blanks = 0
        }
        if let p = paragraph { _ = take(p) }
    }
}
