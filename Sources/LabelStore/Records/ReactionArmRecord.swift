import GRDB

/// A row of `reaction_arms`: one arm of an adverse-reaction row, for the structured query's
/// thresholds. The row's JSON goes with its first arm only (`json` empty on the others): a
/// query reads the row through its least arm id, and a copy per arm was a third of the table.
struct ReactionArmRecord: Sendable, Hashable, DocumentRow {
    var id: Int64?
    var documentID: Int64 = 0
    var tableID: String
    /// The row's place among the table's adverse-reaction rows, from 0.
    var rowOrdinal: Int
    /// The term folded: what `adverseReactions` compares.
    var termKey: String
    var allGrades: Double?
    var grade3: Double?
    var json: String
}

extension ReactionArmRecord: FetchableRecord, PersistableRecord, ColumnRecord {
    static let databaseTableName = "reaction_arms"

    init(row: Row) {
        id = row["id"]
        documentID = row["document_id"]
        tableID = row["table_id"]
        rowOrdinal = row["row_ordinal"]
        termKey = row["term_key"]
        allGrades = row["all_grades"]
        grade3 = row["grade3"]
        json = row["json"]
    }

    static let columns = ["id", "document_id", "table_id", "row_ordinal", "term_key", "all_grades", "grade3", "json"]
    static let insertSQL = insertStatement()

    var values: [(any DatabaseValueConvertible)?] { [id, documentID, tableID, rowOrdinal, termKey, allGrades, grade3, json] }
}
