import GRDB

/// A row of `paragraphs` (no row id: keyed by section and place). Most keep no text, only the
/// cuts of the stored source that give it back (`ParagraphCuts`).
struct ParagraphRecord: Sendable, Hashable {
    var sectionID: Int64 = 0
    /// Its place in the section, from 1.
    var ordinal: Int
    var startLine: Int
    var endLine: Int
    /// Empty when `cuts` give the text back from the stored source.
    var text: String
    /// `line:from:to` per physical line, byte offsets in the decoded source line.
    var cuts: String?
    /// The lines after the first, `offset:line,…`; nil for one line or when `cuts` give them.
    var lineStarts: String?
}

extension ParagraphRecord: FetchableRecord, PersistableRecord, ColumnRecord {
    static let databaseTableName = "paragraphs"

    init(row: Row) {
        sectionID = row["section_id"]
        ordinal = row["ordinal"]
        startLine = row["start_line"]
        endLine = row["end_line"]
        text = row["text"]
        cuts = row["cuts"]
        lineStarts = row["line_starts"]
    }

    static let columns = ["section_id", "ordinal", "start_line", "end_line", "text", "cuts", "line_starts"]
    static let insertSQL = insertStatement()

    var values: [(any DatabaseValueConvertible)?] { [sectionID, ordinal, startLine, endLine, text, cuts, lineStarts] }
}
