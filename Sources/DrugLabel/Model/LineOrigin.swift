/// Where one line of the text a document was read into stands in the document itself: a PDF's
/// page and the line within it as extracted, a .docx's or a web page's paragraph, and the table
/// cell the line belongs to. All 1-based; nil where the format has no such thing.
public struct LineOrigin: Sendable, Hashable, Codable {
    public var page: Int?
    public var pageLine: Int?
    public var paragraph: Int?
    public var cell: CellAddress?

    public init(page: Int? = nil, pageLine: Int? = nil, paragraph: Int? = nil, cell: CellAddress? = nil) {
        self.page = page
        self.pageLine = pageLine
        self.paragraph = paragraph
        self.cell = cell
    }
}

/// A cell of one of the document's own tables: the table's ordinal in the document, the row
/// and the column where the cell starts (a merged cell's first row and column).
public struct CellAddress: Sendable, Hashable, Codable {
    public var table: Int
    public var row: Int
    public var column: Int

    public init(table: Int, row: Int, column: Int) {
        self.table = table
        self.row = row
        self.column = column
    }
}
