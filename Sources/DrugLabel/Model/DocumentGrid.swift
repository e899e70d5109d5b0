/// A table as the document itself holds it (a .docx `w:tbl`, an HTML `<table>`, a table
/// rebuilt from a PDF page's geometry): cells by row and column, merged cells spanned, each
/// with the lines of the read text it was written to. The table stage types it.
public struct DocumentGrid: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        /// 0-based row and column where the cell starts.
        public var row: Int
        public var column: Int
        public var rowSpan: Int
        public var columnSpan: Int
        /// The cell's paragraphs, each a line of the read text.
        public var paragraphs: [String]
        /// The lines its paragraphs were written to; nil for an empty cell.
        public var span: SourceSpan?

        public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, paragraphs: [String], span: SourceSpan?) {
            self.row = row
            self.column = column
            self.rowSpan = max(1, rowSpan)
            self.columnSpan = max(1, columnSpan)
            self.paragraphs = paragraphs
            self.span = span
        }

        /// The paragraphs joined as a prose cell of a text table is (one per line).
        public var text: String { paragraphs.joined(separator: "\n") }
    }

    /// 1-based, in document order.
    public var ordinal: Int
    public var rowCount: Int
    public var columnCount: Int
    /// In reading order: row by row, left to right.
    public var cells: [Cell]
    /// The lines of the read text the table was written to.
    public var span: SourceSpan

    public init(ordinal: Int, rowCount: Int, columnCount: Int, cells: [Cell], span: SourceSpan) {
        self.ordinal = ordinal
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.cells = cells
        self.span = span
    }
}
