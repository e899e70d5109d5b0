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
    /// all), the abbreviation expansions of the terms, the terms the expression is made of with
    /// the forms each matches, and, when a term has a capital short form among its expansions,
    /// the MATCH expression of the sections to judge again (`unconfirmed`).
    struct SearchPlan {
        var expression: String
        var documents: [Int64]?
        var alternatives: [String: [String]]
        var terms: [SearchQuery.Term]
        var forms: [TermForms]
        var suspects: String?
        /// What folds the paragraphs read back, as the query was folded.
        var fold: TextFold
    }

    /// The forms one term of the query matches: folded keys (the term itself, its long forms
    /// and any short form with a small letter), and the capital short forms among its
    /// expansions, which count only where they stand as written and as whole tokens
    /// (`SearchKey.wholeToken`), with their folded keys to find the paragraphs to look at.
    struct TermForms {
        var folded: [String]
        var capitals: [(form: String, key: String, match: String)]

        init(_ term: String, alternatives: [String], fold: TextFold) {
            let key = LabelStore.key(term, fold: fold)
            folded = [key]
            capitals = []
            for other in alternatives {
                let k = LabelStore.key(other, fold: fold)
                guard !k.isEmpty, k != key else { continue }
                if SearchKey.isCapitalShortForm(other), let match = SearchKey.match(other, fold: fold) {
                    capitals.append((other, k, match))
                } else {
                    folded.append(k)
                }
            }
        }

        /// Whether a paragraph holds the term: a capital short form in its own text as a whole
        /// token, or a folded key in its folded text (folded only when asked: most suspects
        /// hold a capital form).
        func found(text: String, folded paragraph: () -> String) -> Bool {
            if capitals.contains(where: { SearchKey.wholeTokenOffset($0.form, in: text) != nil }) { return true }
            let f = paragraph()
            return folded.contains { SearchKey.contains(f, $0) }
        }

        /// How many times a paragraph holds the term, each form counted where it stands (a
        /// folded key in the folded text, a capital short form as a whole token in the text).
        func count(text: String, folded paragraph: String) -> Int {
            folded.reduce(0) { $0 + SearchKey.occurrences(of: $1, in: paragraph) }
                + capitals.reduce(0) { $0 + SearchKey.wholeTokenCount($1.form, in: text) }
        }
    }

    static func key(_ text: String, fold: TextFold) -> String {
        String(String.UnicodeScalarView(SearchKey.characters(text, fold: fold)))
    }

    func plan(_ query: SearchQuery, filters: SearchFilters, fold: TextFold) throws -> SearchPlan {
        let alternatives = try expansions(of: query, fold: fold)
        guard let match = query.match(fold: fold, alternatives: alternatives) else { throw StoreError.emptyQuery }
        let terms = query.searchableTerms(fold: fold)
        let forms = terms.map { TermForms($0.text, alternatives: alternatives[$0.text] ?? [], fold: fold) }
        var expression = match
        if let key = filters.section { expression = "(\(expression)) AND \(SearchKey.sectionToken(key))" }
        if let kind = filters.kind { expression = "(\(expression)) AND \(SearchKey.kindToken(kind))" }
        let documents = filters.drug != nil || filters.holder != nil
            ? try filteredDocuments(drug: filters.drug, holder: filters.holder, fold: fold) : nil
        // The sections to judge again. When only terms that must occur have capital short forms,
        // a section the expression finds without those forms is found whatever they stand in:
        // only the others are judged (for `细胞因子释放综合征`, the sections with CRS and without
        // the long form). An excluded term's short form can exclude a section the expression
        // finds: then every section that holds one folded is judged.
        var suspects: String?
        if forms.contains(where: { !$0.capitals.isEmpty }) {
            if zip(terms, forms).dropFirst().contains(where: { $0.0.op == .not && !$0.1.capitals.isEmpty }) {
                let capitals = Set(forms.flatMap { $0.capitals.map(\.match) }).sorted()
                suspects = "(\(expression)) AND (\(capitals.joined(separator: " OR ")))"
            } else {
                let folded = alternatives.mapValues { $0.filter { !SearchKey.isCapitalShortForm($0) } }
                if let without = query.match(fold: fold, alternatives: folded) { suspects = "(\(expression)) NOT (\(without))" }
            }
        }
        return SearchPlan(expression: expression, documents: documents, alternatives: alternatives, terms: terms, forms: forms,
                          suspects: suspects, fold: fold)
    }

    /// Sections that match, best first: one page of them.
    public func search(_ query: SearchQuery, filters: SearchFilters, fold: TextFold) throws -> [SearchHit] {
        try searchPage(query, filters: filters, fold: fold).items
    }

    /// One page of the sections that match, best first, and how many match in all.
    ///
    /// The ranking (every match scored, the best `window` kept and joined to their documents,
    /// and the count of all matches) is the costly part and the same for every page of a
    /// query, so it is kept in `rankings` until the index file changes; a page then costs its
    /// own rows and snippets only.
    public func searchPage(_ query: SearchQuery, filters: SearchFilters, fold: TextFold) throws -> Answer<SearchHit> {
        let plan = try plan(query, filters: filters, fold: fold)
        // A drug or holder filter could drop every section of a short list, so with one every
        // match is ranked; otherwise ten times what the pages up to this one show, at least 200,
        // in steps that let the next pages reuse the ranking.
        let needed = (filters.limit + filters.offset) * 10
        let window = plan.documents != nil ? Int.max : max(200, 1 << (Int.bitWidth - max(needed, 1).leadingZeroBitCount))
        let key = Ranking.Key(expression: plan.expression, filter: [filters.drug, filters.holder], window: window)
        let generation = lastWritten()
        let ranking = try rankings.value(for: key, generation: generation) { try rank(plan, window: window) }
        let page = ranking.rows.dropFirst(filters.offset).prefix(filters.limit)
        return Answer(total: ranking.total, items: try hits(Array(page), query: query, plan: plan, fold: fold))
    }

    /// All matches scored in one pass of the full-text index (bm25() only works in the
    /// full-text query itself, which is therefore materialized first), then the best `window`
    /// of them joined to their documents, and how many there are (a window function, computed
    /// before the LIMIT). Sections that match only through a capital short form that they hold
    /// only folded (`unconfirmed`) are left out before any of that, so the count is of the
    /// sections shown.
    func rank(_ plan: SearchPlan, window: Int) throws -> Ranking {
        try pool.read { db in try rank(plan, window: window, excluding: unconfirmed(plan, db: db), db: db) }
    }

    private func rank(_ plan: SearchPlan, window: Int, excluding: [Int64], db: Database) throws -> Ranking {
        let exclusion = excluding.isEmpty ? "" : " WHERE sid NOT IN (\(excluding.map(String.init).joined(separator: ",")))"
        var sql = """
            WITH a AS MATERIALIZED (
                SELECT rowid AS sid, bm25(section_index) AS score FROM section_index WHERE section_index MATCH ?),
            m AS MATERIALIZED (SELECT sid, score, count(*) OVER () AS total FROM a\(exclusion) ORDER BY score LIMIT ?)
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

    /// The sections the MATCH expression finds that the query does not hold for once capital
    /// short forms count only as written and as whole tokens: `多发性骨髓瘤` expands to `MM`,
    /// whose folded grams are also the `mm` of `mm3`. Only the plan's suspects are judged, each
    /// term again on the section's paragraphs read back: a capital form in the text itself as a
    /// whole token (`SearchKey.wholeToken`), or a folded key in the folded text (what the
    /// index's phrase of grams answers).
    ///
    /// It costs reading the suspects' paragraphs, once per query and index generation (the
    /// ranking is kept): the index has no paragraph of its own to point to.
    func unconfirmed(_ plan: SearchPlan, db: Database) throws -> [Int64] {
        guard let expression = plan.suspects else { return [] }
        let suspects = try Int64.fetchAll(db, sql: "SELECT rowid FROM section_index WHERE section_index MATCH ?", arguments: [expression])
        let settled: ([Bool]) -> Bool = plan.terms.dropFirst().contains(where: { $0.op == .not })
            ? { !$0.contains(false) }
            : { found in SearchQuery.holds(plan.terms) { found[$0] } }
        var reader = ParagraphReader(store: self)
        var excluded: [Int64] = []
        for id in suspects {
            var found = Array(repeating: false, count: plan.forms.count)
            var section = SectionText(try reader.paragraphs(section: id, db: db), fold: plan.fold)
            // Paragraphs in order, so that a section is done with as soon as the query holds for
            // it whatever follows (when no term is excluded: more terms found cannot undo it) or
            // every term is found. A section that the query does not hold for is read to its end.
            for k in section.paragraphs.indices {
                for (i, forms) in plan.forms.enumerated() where !found[i] {
                    found[i] = forms.found(text: section.paragraphs[k].text) { section.folded(k) }
                }
                if settled(found) { break }
            }
            if !SearchQuery.holds(plan.terms, { found[$0] }) { excluded.append(id) }
        }
        return excluded
    }

    /// The hits of one page: for each section, the first paragraph that holds the first term
    /// (or one of its expansions), found on the paragraphs read back and folded, gives the snippet and, by
    /// where its lines start, the line of the match; a capital short form of the expansions
    /// must stand in the paragraph's own text as a whole token (`SearchKey.wholeToken`), and its
    /// snippet is cut around that place. The section's paragraphs are then read once more to
    /// count the occurrences of every term that is not excluded.
    func hits(_ rows: [Ranking.Row], query: SearchQuery, plan: SearchPlan, fold: TextFold) throws -> [SearchHit] {
        let firstTerm = query.terms.first { $0.op != .not }?.text ?? ""
        let alternatives = plan.alternatives[firstTerm] ?? []
        let firstKey = LabelStore.key(firstTerm, fold: fold)
        let capitals = Set(alternatives.filter { SearchKey.isCapitalShortForm($0) && LabelStore.key($0, fold: fold) != firstKey })
        let counted = zip(plan.terms, plan.forms).filter { $0.0.op != .not }.map(\.1)
        var reader = ParagraphReader(store: self)
        let generation = lastWritten()
        return try pool.read { db in
            try rows.map { row in
                var section = try sectionTexts.value(for: row.sectionID, generation: generation) {
                    SectionText.folded(try reader.paragraphs(section: row.sectionID, db: db), fold: fold)
                }
                var best: Int?
                var shown = firstTerm
                var token: Range<Int>?
                var expansion: String?
                for term in [firstTerm] + alternatives {
                    let key = LabelStore.key(term, fold: fold)
                    guard !key.isEmpty else { continue }
                    for k in section.paragraphs.indices where SearchKey.contains(section.folded(k), key) {
                        if capitals.contains(term) {
                            guard let range = SearchKey.wholeToken(term, in: section.paragraphs[k].text) else { continue }
                            token = range
                        }
                        best = k
                        break
                    }
                    if best != nil {
                        shown = term
                        if term != firstTerm { expansion = "\(firstTerm) → \(term)" }
                        break
                    }
                }
                let paragraph = (best ?? (section.paragraphs.isEmpty ? nil : 0)).map { section.paragraphs[$0] }
                let text = paragraph?.text ?? ""
                let cut = token.map { Snippet.make(text, at: $0) } ?? Snippet.make(text, around: shown, fold: fold)
                let paragraphLine = paragraph?.startLine ?? row.startLine
                let line = cut.offset.map { LineStarts.line(at: $0, first: paragraphLine, starts: paragraph?.lineStarts) } ?? paragraphLine
                var occurrences = 0
                for k in section.paragraphs.indices {
                    for forms in counted { occurrences += forms.count(text: section.paragraphs[k].text, folded: section.folded(k)) }
                }
                return SearchHit(path: row.path, title: row.title, genericName: row.genericName, kind: row.kind,
                                 section: row.key, heading: row.heading, line: line, paragraphLine: paragraphLine,
                                 occurrences: occurrences, snippet: cut.highlight.marked, highlight: cut.highlight, score: row.score,
                                 expansion: expansion)
            }
        }
    }

    /// `documents(drug:holder:folder:)`, kept until the index changes: it folds every
    /// document's names.
    func filteredDocuments(drug: String?, holder: String?, fold: TextFold) throws -> [Int64] {
        try filtered.value(for: [drug, holder], generation: lastWritten()) {
            try documents(drug: drug, holder: holder, fold: fold)
        }
    }

    /// Documents whose names match a drug (generic, trade, English, or the generic name's
    /// pinyin with or without tones and spaces) and whose holder matches.
    func documents(drug: String?, holder: String?, fold: TextFold) throws -> [Int64] {
        let pinyin = try Pinyin()
        let wantedDrug = drug.map { fold($0) }
        let wantedPinyin = drug.map { pinyin.key($0) }
        let wantedHolder = holder.map { fold($0) }
        return try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, generic_name, trade_name, english_name, pinyin, holder FROM documents").compactMap { row in
                if let want = wantedDrug {
                    let names = ["generic_name", "trade_name", "english_name"].compactMap { (row[$0] as String?).map { fold($0) } }
                    let byName = names.contains { !$0.isEmpty && !want.isEmpty && ($0.contains(want) || want.contains($0)) }
                    let byPinyin = (row["pinyin"] as String?).map { p in
                        guard let w = wantedPinyin, w.count >= 3 else { return false }
                        return p.contains(w)
                    } ?? false
                    if !byName && !byPinyin { return nil }
                }
                if let want = wantedHolder {
                    guard let h = row["holder"] as String?, fold(h).contains(want) else { return nil }
                }
                return row["id"] as Int64
            }
        }
    }

    /// For each term of the query that is an abbreviation some document defines, or the long
    /// form of one, the other forms as written, looked up by their stored folded keys.
    func expansions(of query: SearchQuery, fold: TextFold) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        try pool.read { db in
            for term in query.terms where term.op != .not {
                let key = String(String.UnicodeScalarView(SearchKey.characters(term.text, fold: fold)))
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
