import DrugLabel
import GRDB

extension LabelStore {
    /// How many sections a search matches in all, and in how many documents.
    public struct SearchSummary: Sendable, Hashable {
        public var sections: Int
        public var documents: Int
    }

    /// The size of a search's whole answer, for a summary under a page of hits: the matches
    /// counted, not ranked (ranking every match again for the count cost a tenth of a search).
    public func searchSummary(_ query: SearchQuery, filters: SearchFilters, fold: TextFold) throws -> SearchSummary {
        let plan = try plan(query, filters: filters, fold: fold)
        return try pool.read { db in
            let excluded = try unconfirmed(plan, db: db)
            var sql = """
                SELECT count(*), count(DISTINCT s.document_id) FROM section_index JOIN sections s ON s.id = section_index.rowid
                WHERE section_index MATCH ?
                """
            if !excluded.isEmpty { sql += " AND s.id NOT IN (\(excluded.map(String.init).joined(separator: ",")))" }
            if let ids = plan.documents { sql += " AND s.document_id IN (\(ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")))" }
            let row = try Row.fetchOne(db, sql: sql, arguments: [plan.expression])
            return SearchSummary(sections: row?[0] ?? 0, documents: row?[1] ?? 0)
        }
    }
}
