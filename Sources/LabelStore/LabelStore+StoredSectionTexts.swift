import GRDB

extension LabelStore {
    /// Every section's paragraphs as stored, read back and joined by line breaks, in the order
    /// they were indexed: the text a reference index of the same sections is made of
    /// (`bench search`).
    public func storedSectionTexts() throws -> [String] {
        try pool.read { db in
            var reader = ParagraphReader(storePath: path)
            return try Int64.fetchAll(db, sql: "SELECT id FROM sections ORDER BY id").map { id in
                try reader.paragraphs(section: id, db: db).map(\.text).joined(separator: "\n")
            }
        }
    }
}
