import GRDB

/// A row of `doses`: one dose the parser read, its drug folded for the structured query, and
/// the library's `Dose` as JSON, which the query gives back.
struct DoseRecord: Sendable, Hashable, DocumentRow {
    var id: Int64?
    var documentID: Int64 = 0
    var drug: String
    /// `drug` folded: what `doses(drug:…)` compares.
    var drugKey: String
    var unit: String
    var per: String?
    var startLine: Int
    var json: String
}

extension DoseRecord: FetchableRecord, PersistableRecord, ColumnRecord {
    static let databaseTableName = "doses"

    init(row: Row) {
        id = row["id"]
        documentID = row["document_id"]
        drug = row["drug"]
        drugKey = row["drug_key"]
        unit = row["unit"]
        per = row["per"]
        startLine = row["start_line"]
        json = row["json"]
    }

    static let columns = ["id", "document_id", "drug", "drug_key", "unit", "per", "start_line", "json"]
    static let insertSQL = insertStatement()

    var values: [(any DatabaseValueConvertible)?] { [id, documentID, drug, drugKey, unit, per, startLine, json] }
}
