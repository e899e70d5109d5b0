/// What a .docx or a web page is made of, in reading order, before it becomes lines.
enum ReadBlock {
    case paragraph(String)
    /// Rows of cells; a cell covered by a merge above it is left out of its row.
    case table([[ReadCell]])
}

/// One cell of a table block: its paragraphs, where it starts and how far it is merged.
struct ReadCell {
    var paragraphs: [String]
    /// 0-based grid column where the cell starts.
    var column: Int
    var rowSpan = 1
    var columnSpan = 1
    /// A PDF table's cell: the page and the page's line (as extracted) where its text starts.
    var page: Int? = nil
    var pageLine: Int? = nil
}
