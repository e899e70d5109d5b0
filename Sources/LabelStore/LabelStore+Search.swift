import DrugLabel
import GRDB

extension LabelStore {
    public struct SearchFilters: Sendable {
        public var section: String?
        public var kind: String?
        /// Generic, trade or English name, or pinyin of the generic name (folded; either contains the other).
        public var drug: String?
        /// Marketing authorization holder (folded; contains).
        public var holder: String?
        public var limit = 20
        public var offset = 0
        public init(section: String? = nil, kind: String? = nil, drug: String? = nil, holder: String? = nil,
                    limit: Int = 20, offset: Int = 0) {
            self.section = section
            self.kind = kind
            self.drug = drug
            self.holder = holder
            self.limit = limit
            self.offset = offset
        }
    }

    /// What a search runs: the MATCH expression (section and kind filters are tokens of the
    /// index, so they are part of it), the documents a drug or holder filter allows (nil for
    /// all), and the abbreviation expansions of the terms.
    struct SearchPlan {
        var expression: String
        var documents: [Int64]?
        var alternatives: [String: [String]]
    }

    func plan(_ query: SearchQuery, filters: SearchFilters, folder: Folder) throws -> SearchPlan {
        let alternatives = try expansions(of: query, folder: folder)
        guard let match = query.match(folder: folder, alternatives: alternatives) else { throw StoreError.emptyQuery }
        var expression = match
        if let key = filters.section { expression = "(\(expression)) AND \(SearchKey.sectionToken(key))" }
        if let kind = filters.kind { expression = "(\(expression)) AND \(SearchKey.kindToken(kind))" }
        let documents = filters.drug != nil || filters.holder != nil
            ? try filteredDocuments(drug: filters.drug, holder: filters.holder, folder: folder) : nil
        return SearchPlan(expression: expression, documents: documents, alternatives: alternatives)
    }

    /// Sections that match, best first: one page of them.
    public func search(_ query: SearchQuery, filters: SearchFilters, folder: Folder) throws -> [SearchHit] {
        try searchPage(query, filters: filters, folder: folder).items
    }

    /// One page of the sections that match, best first, and how many match in all.
    ///
    /// The ranking (every match scored, the best `window` kept and joined to their documents,
    /// and the count of all matches) is the costly part and the same for every page of a
    /// query, so it is kept in `rankings` until the index file changes; a page then costs its
    /// own rows and snippets only.
    public func searchPage(_ query: SearchQuery, filters: SearchFilters, folder: Folder) throws -> Answer<SearchHit> {
        let plan = try plan(query, filters: filters, folder: folder)
        // A drug or holder filter could drop every section of a short list, so with one every
        // match is ranked; otherwise ten times what the pages up to this one show, at least 200,
        // in steps that let the next pages reuse the ranking.
        let needed = (filters.limit + filters.offset) * 10
        let window = plan.documents != nil ? Int.max : max(200, 1 << (Int.bitWidth - max(needed, 1).leadingZeroBitCount))
        let key = Ranking.Key(expression: plan.expression, filter: [filters.drug, filters.holder], window: window)
        let generation = lastWritten()
        let ranking = try rankings.value(for: key, generation: generation) { try rank(plan, window: window) }
        let page = ranking.rows.dropFirst(filters.offset).prefix(filters.limit)
        return Answer(total: ranking.total, items: try hits(Array(page), query: query, alternatives: plan.alternatives, folder: folder))
    }

    /// All matches scored in one pass of the full-text index (bm25() only works in the
    /// full-text query itself, which is therefore materialized first), then the best `window`
    /// of them joined to their documents, and how many there are (a window function, computed
    /// before the LIMIT).
    func rank(_ plan: SearchPlan, window: Int) throws -> Ranking {
        var sql = """
            WITH a AS MATERIALIZED (
                SELECT rowid AS sid, bm25(section_index) AS score FROM section_index WHERE section_index MATCH ?),
            m AS MATERIALIZED (SELECT sid, score, count(*) OVER () AS total FROM a ORDER BY score LIMIT ?)
            SELECT s.id AS section_id, d.path, d.title, d.generic_name, d.kind, s.key, s.heading, s.start_line, m.score, m.total
            FROM m
            JOIN sections s ON s.id = m.sid
            JOIN documents d ON d.id = s.document_id
            WHERE 1
            """
        if let ids = plan.documents {
            sql += " AND d.id IN (\(ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")))"
        }
        sql += " ORDER BY m.score, d.path, s.ordinal"
        return try pool.read { db in
            var total = 0
            let rows = try Row.fetchAll(db, sql: sql, arguments: [plan.expression, window == Int.max ? -1 : window]).map { row in
                total = row["total"]
                return Ranking.Row(sectionID: row["section_id"], path: row["path"], title: row["title"], genericName: row["generic_name"],
                                   kind: row["kind"], key: row["key"], heading: row["heading"], startLine: row["start_line"],
                                   score: row["score"])
            }
            // With a document filter every match was joined, and the filter's survivors are the answer.
            return Ranking(total: plan.documents != nil ? rows.count : total, rows: rows)
        }
    }

    /// The hits of one page: for each section, the first paragraph that holds the first term
    /// (or one of its expansions), found on the stored folded text, gives the line and the snippet.
    func hits(_ rows: [Ranking.Row], query: SearchQuery, alternatives: [String: [String]], folder: Folder) throws -> [SearchHit] {
        let firstTerm = query.terms.first { $0.op != .not }?.text ?? ""
        return try pool.read { db in
            try rows.map { row in
                let sectionID = row.sectionID
                var best: Row?
                var shown = firstTerm
                var expansion: String?
                for term in [firstTerm] + (alternatives[firstTerm] ?? []) {
                    let key = String(String.UnicodeScalarView(SearchKey.characters(term, folder: folder)))
                    guard !key.isEmpty else { continue }
                    if let p = try Row.fetchOne(db.cachedStatement(sql: """
                        SELECT start_line, text FROM paragraphs WHERE section_id = ? AND instr(folded, ?) > 0 ORDER BY id LIMIT 1
                        """), arguments: [sectionID, key]) {
                        best = p
                        shown = term
                        if term != firstTerm { expansion = "\(firstTerm) → \(term)" }
                        break
                    }
                }
                if best == nil {
                    best = try Row.fetchOne(db.cachedStatement(sql: "SELECT start_line, text FROM paragraphs WHERE section_id = ? ORDER BY id LIMIT 1"),
                                            arguments: [sectionID])
                }
                let paragraph = best
                let highlight = Snippet.make(paragraph?["text"] ?? "", around: shown, folder: folder)
                return SearchHit(path: row.path, title: row.title, genericName: row.genericName, kind: row.kind,
                                 section: row.key, heading: row.heading,
                                 line: paragraph?["start_line"] ?? row.startLine,
                                 snippet: highlight.marked, highlight: highlight, score: row.score,
                                 expansion: expansion)
            }
        }
    }

    /// `documents(drug:holder:folder:)`, kept until the index changes: it folds every
    /// document's names.
    func filteredDocuments(drug: String?, holder: String?, folder: Folder) throws -> [Int64] {
        try filtered.value(for: [drug, holder], generation: lastWritten()) {
            try documents(drug: drug, holder: holder, folder: folder)
        }
    }

    /// Documents whose names match a drug (generic, trade, English, or the generic name's
    /// pinyin with or without tones and spaces) and whose holder matches.
    func documents(drug: String?, holder: String?, folder: Folder) throws -> [Int64] {
        let pinyin = try Pinyin()
        let wantedDrug = drug.map { folder.fold($0) }
        let wantedPinyin = drug.map { pinyin.key($0) }
        let wantedHolder = holder.map { folder.fold($0) }
        return try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, generic_name, trade_name, english_name, pinyin, holder FROM documents").compactMap { row in
                if let want = wantedDrug {
                    let names = ["generic_name", "trade_name", "english_name"].compactMap { (row[$0] as String?).map { folder.fold($0) } }
                    let byName = names.contains { !$0.isEmpty && !want.isEmpty && ($0.contains(want) || want.contains($0)) }
                    let byPinyin = (row["pinyin"] as String?).map { p in
                        guard let w = wantedPinyin, w.count >= 3 else { return false }
                        return p.contains(w)
                    } ?? false
                    if !byName && !byPinyin { return nil }
                }
                if let want = wantedHolder {
                    guard let h = row["holder"] as String?, folder.fold(h).contains(want) else { return nil }
                }
                return row["id"] as Int64
            }
        }
    }

    /// For each term of the query that is an abbreviation some document defines, or the long
    /// form of one, the other forms as written, looked up by their stored folded keys.
    func expansions(of query: SearchQuery, folder: Folder) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        try pool.read { db in
            for term in query.terms where term.op != .not {
                let key = String(String.UnicodeScalarView(SearchKey.characters(term.text, folder: folder)))
                guard !key.isEmpty else { continue }
                let longs = try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT long FROM abbreviations WHERE short_key = ?"), arguments: [key])
                let shorts = try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT short FROM abbreviations WHERE long_key = ?"), arguments: [key])
                let others = Array(Set(longs + shorts)).sorted()
                if !others.isEmpty { result[term.text] = others }
            }
        }
        return result
    }
}
