import DrugLabel
import GRDB

extension LabelStore {
    /// Paths and content hashes of the documents already indexed.
    public func indexedHashes() throws -> [String: String] {
        try pool.read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, sha256 FROM documents") { result[row["path"]] = row["sha256"] }
            return result
        }
    }

    /// Replaces whatever the index holds for the document's path, in one transaction.
    public func write(_ doc: PreparedDocument) throws {
        let fold = try TextFold.checked()
        try pool.write { db in try write(doc, in: db, fold: fold) }
    }

    /// Writes several documents in one transaction: each is whole or absent, and a reader sees
    /// them appear together. Every commit flushes a full-text segment and its merges; with 10,000
    /// labels one document per commit spent 75 s writing, sixteen 50 s.
    public func write(batch: [PreparedDocument]) throws {
        let fold = try TextFold.checked()
        try pool.write { db in
            for doc in batch { try write(doc, in: db, fold: fold) }
        }
    }

    /// Statements are prepared once per connection and reused: preparing them per row cost more
    /// than the inserts.
    private func write(_ doc: PreparedDocument, in db: Database, fold: TextFold) throws {
        let label = doc.label
        func insert(_ sql: String, _ arguments: StatementArguments) throws {
            try db.cachedStatement(sql: sql).execute(arguments: arguments)
        }
        try removeDocument(db, path: doc.path, fold: fold)
        let m = label.metadata
        try insert("INSERT INTO documents (path, sha256, kind, title, generic_name, trade_name, english_name, holder, pinyin, "
                   + "metadata, boxed_warning) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [doc.path, label.source.sha256, label.kind.rawValue, label.title, m.genericName, m.tradeName,
                    m.englishName, m.holder?.name, doc.pinyin, doc.metadata, label.boxedWarning.map { $0.items.joined(separator: "\n") }])
        let documentID = db.lastInsertedRowID
        if let source = doc.source {
            try insert("INSERT INTO sources (document_id, codec, size, data) VALUES (?, ?, ?, ?)",
                       [documentID, source.codec, source.size, source.data])
        }
        for (ordinal, s) in doc.sections.enumerated() {
            try insert("INSERT INTO sections (document_id, ordinal, key, heading, start_line, end_line, grams_crc) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [documentID, ordinal, s.key, s.heading, s.span.startLine, s.span.endLine, s.gramsCRC])
            let sectionID = db.lastInsertedRowID
            try insert("INSERT INTO section_index (rowid, grams) VALUES (?, ?)", [sectionID, s.indexed])
            for (n, p) in s.paragraphs.enumerated() {
                try insert("INSERT INTO paragraphs (section_id, ordinal, start_line, end_line, text, cuts, line_starts) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [sectionID, n + 1, p.span.startLine, p.span.endLine, p.text, p.cuts, p.lineStarts])
            }
        }
        for (n, d) in label.doses.enumerated() {
            try insert("INSERT INTO doses (document_id, drug, drug_key, unit, per, start_line, json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [documentID, d.drug, doc.doseKeys[n], d.unit, d.per, d.span.startLine, doc.doses[n]])
            try insert("INSERT OR IGNORE INTO dose_drugs (key) VALUES (?)", [doc.doseKeys[n]])
        }
        for (ti, t) in label.tables.enumerated() {
            for (ri, r) in t.rows.enumerated() {
                let cells = doc.rowCells[ti][ri]
                try insert("INSERT INTO table_rows (document_id, table_id, section, grp, label, cells, start_line, end_line) "
                           + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           [documentID, t.id, t.section, r.group, r.label, cells, r.span.startLine, r.span.endLine])
            }
        }
        for r in doc.reactions {
            // The row's JSON goes with its first arm only: a query reads the row through its
            // least arm id (`adverseReactions`), and a copy per arm was a third of the table.
            for (n, arm) in r.arms.enumerated() {
                try insert("INSERT INTO reaction_arms (document_id, table_id, row_ordinal, term_key, all_grades, grade3, json) "
                           + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [documentID, r.table, r.ordinal, r.termKey, arm.all, arm.grade3, n == 0 ? r.json : ""])
            }
        }
        for (n, a) in label.abbreviations.enumerated() {
            try insert("INSERT INTO abbreviations (document_id, short, long, short_key, long_key, start_line) VALUES (?, ?, ?, ?, ?, ?)",
                       [documentID, a.short, a.long, doc.abbreviationKeys[n].short, doc.abbreviationKeys[n].long, a.span.startLine])
        }
        for (n, f) in label.fields.enumerated() {
            try insert("INSERT INTO fields (document_id, name, name_key, value, start_line, end_line) VALUES (?, ?, ?, ?, ?, ?)",
                       [documentID, f.name, doc.fieldKeys[n], f.value, f.span.startLine, f.span.endLine])
        }
    }

    /// Drops documents from the index.
    public func remove(paths: [String]) throws {
        let fold = try TextFold.checked()
        try pool.write { db in
            for path in paths { try removeDocument(db, path: path, fold: fold) }
        }
    }

    /// The full-text index holds no copy of the text, so its entries are removed by giving it
    /// the same tokens again: each section's paragraphs read back and folded anew. Folding can
    /// change between versions of druglabel or of ICU; a section whose tokens no longer match
    /// the CRC-32 stored when they were added (or that has none, from an older schema) would
    /// leave stale entries behind, so then the whole full-text index is made again instead.
    private func removeDocument(_ db: Database, path: String, fold: TextFold) throws {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE path = ?", arguments: [path]) else { return }
        let sections = try Row.fetchAll(db, sql: """
            SELECT s.id, s.key, s.grams_crc, d.kind FROM sections s JOIN documents d ON d.id = s.document_id WHERE s.document_id = ? ORDER BY s.id
            """, arguments: [id])
        var reader = ParagraphReader(storePath: self.path)
        var deletions: [(Int64, String)] = []
        for section in sections {
            let sectionID: Int64 = section["id"]
            let texts = try reader.paragraphs(section: sectionID, db: db).map(\.text)
            let indexed = SearchKey.indexed(paragraphs: texts, section: section["key"], kind: section["kind"], fold: fold)
            guard section["grams_crc"] as Int64? == Zlib.crc32(Array(indexed.utf8)) else {
                try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
                try StoreSchema.reindexSections(db, fold: fold, storePath: self.path)
                return
            }
            deletions.append((sectionID, indexed))
        }
        for (sectionID, indexed) in deletions {
            try db.execute(sql: "INSERT INTO section_index (section_index, rowid, grams) VALUES ('delete', ?, ?)",
                           arguments: [sectionID, indexed])
        }
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
    }
}
