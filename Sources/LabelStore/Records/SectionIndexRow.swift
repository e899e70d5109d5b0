import GRDB

/// A row of `section_index`, the full-text index: a section's tokens under the section's id.
///
/// Raw SQL, not a GRDB record: the table is contentless FTS5, so a row cannot be read back,
/// and it is removed not by DELETE but by inserting the special `'delete'` command into the
/// column named after the table, with the very tokens it was given. A record's fetch, delete
/// and primary-key lookup would all be wrong for it.
struct SectionIndexRow: Sendable, Hashable {
    var sectionID: Int64
    /// `SearchKey.indexed`: the section's folded characters and its filter tokens.
    var grams: String

    func insert(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO section_index (rowid, grams) VALUES (?, ?)").execute(arguments: [sectionID, grams])
    }

    /// Removes the row: `grams` must be the tokens it was inserted with.
    func delete(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO section_index (section_index, rowid, grams) VALUES ('delete', ?, ?)")
            .execute(arguments: [sectionID, grams])
    }
}
