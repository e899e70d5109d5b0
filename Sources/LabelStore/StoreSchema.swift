import GRDB

/// The index's tables, created and upgraded by migrations: a later schema adds a migration,
/// never edits one that shipped.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    sha256 TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    title TEXT,
                    generic_name TEXT,
                    trade_name TEXT,
                    english_name TEXT,
                    holder TEXT,
                    -- Pinyin of the generic name, tones and spaces removed (ajilunsaizhusheye).
                    pinyin TEXT,
                    metadata TEXT NOT NULL,
                    boxed_warning TEXT
                );
                CREATE TABLE sections (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    key TEXT,
                    heading TEXT NOT NULL,
                    start_line INTEGER NOT NULL,
                    end_line INTEGER NOT NULL
                );
                CREATE INDEX sections_document ON sections(document_id);
                CREATE INDEX sections_key ON sections(key);
                CREATE TABLE paragraphs (
                    id INTEGER PRIMARY KEY,
                    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
                    start_line INTEGER NOT NULL,
                    end_line INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    -- The searchable characters, folded: which paragraph of a hit holds the match.
                    folded TEXT NOT NULL
                );
                CREATE INDEX paragraphs_section ON paragraphs(section_id);
                -- One row per section (rowid = sections.id): ranking and AND work on whole sections.
                CREATE VIRTUAL TABLE section_index USING fts5(
                    grams, content = '', detail = full, tokenize = 'unicode61 remove_diacritics 0'
                );
                CREATE TABLE doses (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    drug TEXT NOT NULL, drug_key TEXT NOT NULL, unit TEXT NOT NULL, per TEXT,
                    start_line INTEGER NOT NULL, json TEXT NOT NULL
                );
                CREATE INDEX doses_document ON doses(document_id);
                CREATE INDEX doses_unit ON doses(unit, per);
                -- The adverse-reaction view of table rows, one line per arm, for structured queries.
                CREATE TABLE reaction_arms (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    table_id TEXT NOT NULL, row_ordinal INTEGER NOT NULL, term_key TEXT NOT NULL,
                    all_grades REAL, grade3 REAL, json TEXT NOT NULL
                );
                CREATE INDEX reaction_arms_term ON reaction_arms(term_key);
                CREATE TABLE table_rows (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    table_id TEXT NOT NULL, section TEXT, grp TEXT, label TEXT NOT NULL,
                    cells TEXT NOT NULL, start_line INTEGER NOT NULL, end_line INTEGER NOT NULL
                );
                CREATE INDEX table_rows_document ON table_rows(document_id);
                CREATE TABLE fields (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    name TEXT NOT NULL, name_key TEXT NOT NULL, value TEXT NOT NULL,
                    start_line INTEGER NOT NULL, end_line INTEGER NOT NULL
                );
                CREATE INDEX fields_document ON fields(document_id);
                CREATE TABLE abbreviations (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    short TEXT NOT NULL, long TEXT NOT NULL, short_key TEXT NOT NULL, long_key TEXT NOT NULL,
                    start_line INTEGER NOT NULL
                );
                CREATE INDEX abbreviations_short ON abbreviations(short_key);
                CREATE INDEX abbreviations_long ON abbreviations(long_key);
                """)
        }
        return migrator
    }
}
