import DrugLabel
import GRDB

extension LabelStore {
    /// Every indexed document, by path.
    public func documentSummaries() throws -> [DocumentSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT path, sha256, kind, title, generic_name, trade_name, english_name, holder FROM documents ORDER BY path
                """).map { row in
                DocumentSummary(path: row["path"], sha256: row["sha256"], kind: row["kind"], title: row["title"],
                                genericName: row["generic_name"], tradeName: row["trade_name"],
                                englishName: row["english_name"], holder: row["holder"])
            }
        }
    }

    /// The paths of the documents a drug or holder filter keeps (generic, trade or English
    /// name, or pinyin; folded, either containing the other), as `search` filters them.
    public func documentPaths(drug: String?, holder: String?, fold: TextFold) throws -> Set<String> {
        let ids = try filteredDocuments(drug: drug, holder: holder, fold: fold)
        return try pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT path FROM documents WHERE id IN (\(ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")))"))
        }
    }

    /// The paths of the documents that have a section with this catalogue key (the boxed
    /// warning is indexed as `boxed_warning`), from the index's sections table.
    public func documentPaths(section key: String) throws -> Set<String> {
        try pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT d.path FROM sections s JOIN documents d ON d.id = s.document_id WHERE s.key = ?",
                                    arguments: [key]))
        }
    }
}
