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
    /// labels one document per commit spent 75 s writing, sixteen 50 s (`IndexBatch` says how many
    /// go in one now).
    public func write(batch: [PreparedDocument]) throws {
        let fold = try TextFold.checked()
        try pool.write { db in
            for doc in batch { try write(doc, in: db, fold: fold) }
        }
    }

    /// Each record's INSERT is prepared once per connection and reused (`ColumnRecord`):
    /// preparing them per row cost more than the inserts.
    private func write(_ doc: PreparedDocument, in db: Database, fold: TextFold) throws {
        try removeDocument(db, path: doc.path, fold: fold)
        let documentID = try doc.document.insertRow(db)
        try doc.source?.insert(db, document: documentID)
        for prepared in doc.sections {
            var section = prepared.record
            section.documentID = documentID
            let sectionID = try section.insertRow(db)
            try SectionIndexRow(sectionID: sectionID, grams: prepared.grams).insert(db)
            for var paragraph in prepared.paragraphs {
                paragraph.sectionID = sectionID
                try paragraph.insertRow(db)
            }
        }
        for dose in doc.doses {
            try dose.insert(db, document: documentID)
            try DoseDrugRecord(key: dose.drugKey).insertRow(db)
        }
        for row in doc.tableRows { try row.insert(db, document: documentID) }
        for arm in doc.reactionArms { try arm.insert(db, document: documentID) }
        for abbreviation in doc.abbreviations { try abbreviation.insert(db, document: documentID) }
        for field in doc.fields { try field.insert(db, document: documentID) }
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
        // Asked once per document written: the statement is kept.
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM documents WHERE path = ?"), arguments: [path]) else { return }
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
                try DocumentRecord.deleteOne(db, key: id)
                try StoreSchema.reindexSections(db, fold: fold, storePath: self.path)
                return
            }
            deletions.append((sectionID, indexed))
        }
        for (sectionID, indexed) in deletions { try SectionIndexRow(sectionID: sectionID, grams: indexed).delete(db) }
        // Its other rows go with it (ON DELETE CASCADE).
        try DocumentRecord.deleteOne(db, key: id)
    }
}
