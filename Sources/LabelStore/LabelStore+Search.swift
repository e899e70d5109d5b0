import DrugLabel
import GRDB

extension LabelStore {
    public struct SearchFilters: Sendable {
        public var section: String?
        public var kind: String?
        public var limit = 20
        public var offset = 0
        public init(section: String? = nil, kind: String? = nil, limit: Int = 20, offset: Int = 0) {
            self.section = section
            self.kind = kind
            self.limit = limit
            self.offset = offset
        }
    }

    /// Sections whose paragraphs match, best first, one hit per section. bm25() only works in
    /// the full-text query itself, which is therefore materialized before the best paragraph
    /// of each section is chosen.
    public func search(_ query: SearchQuery, filters: SearchFilters, folder: Folder) throws -> [SearchHit] {
        guard let match = query.match(folder: folder) else { throw StoreError.emptyQuery }
        var sql = """
            WITH m AS MATERIALIZED (
                SELECT p.section_id, p.start_line, p.text, bm25(paragraph_index) AS score
                FROM paragraph_index JOIN paragraphs p ON p.id = paragraph_index.rowid
                WHERE paragraph_index MATCH ?)
            SELECT d.path, d.title, d.generic_name, d.kind, s.key, s.heading, m.start_line, m.text, min(m.score) AS score
            FROM m
            JOIN sections s ON s.id = m.section_id
            JOIN documents d ON d.id = s.document_id
            WHERE 1
            """
        var arguments: StatementArguments = [match]
        if let key = filters.section { sql += " AND s.key = ?"; arguments += [key] }
        if let kind = filters.kind { sql += " AND d.kind = ?"; arguments += [kind] }
        sql += " GROUP BY m.section_id ORDER BY score, d.path, s.ordinal LIMIT ? OFFSET ?"
        arguments += [filters.limit, filters.offset]
        let firstTerm = query.terms.first { $0.op != .not }?.text ?? ""
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let text: String = row["text"]
                return SearchHit(path: row["path"], title: row["title"], genericName: row["generic_name"], kind: row["kind"],
                                 section: row["key"], heading: row["heading"], line: row["start_line"],
                                 snippet: Snippet.make(text, around: firstTerm, folder: folder), score: row["score"])
            }
        }
    }
}
