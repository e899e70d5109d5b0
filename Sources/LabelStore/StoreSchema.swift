import DrugLabel
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
        // The full-text index is rebuilt (it holds no text; it is filled again from the stored
        // paragraphs), measured with 10,000 labels (`bench search`):
        // - its tokens come from the `dlgrams` tokenizer (GramTokenizer): one trigram per
        //   character instead of one pair, so that longer queries read the short posting lists
        //   of trigrams (CRS with its three expansions 24 → 15 ms); two-character queries become
        //   prefix queries on trigrams (p95 2.4 → 5.9 ms);
        // - ranking read each matching section's length from the docsize table, one lookup per
        //   row, two thirds of a large answer's time: without column sizes bm25 ranks by term
        //   frequency and rarity (BM25 with b = 0).
        migrator.registerMigration("v2: gram tokenizer, no column sizes, query indexes") { db in
            try db.execute(sql: """
                DROP TABLE section_index;
                CREATE VIRTUAL TABLE section_index USING fts5(grams, content = '', columnsize = 0, detail = full, tokenize = 'dlgrams');
                """)
            try refillSectionIndex(db)
            // The structured queries: a drug's doses through its distinct names, and the
            // adverse-reaction arms of a term answered from the index alone.
            try db.execute(sql: """
                CREATE INDEX doses_drug ON doses(drug_key);
                -- The distinct drug names of the doses, so that containment is tested on each name
                -- once. Names of removed documents may stay: they match no dose.
                CREATE TABLE dose_drugs (key TEXT PRIMARY KEY) WITHOUT ROWID;
                INSERT OR IGNORE INTO dose_drugs (key) SELECT drug_key FROM doses;
                -- An abbreviation's other forms, read from the index alone: CRS has a definition in
                -- every label, and their distinct long forms took 13 ms to gather from the rows.
                DROP INDEX abbreviations_short;
                DROP INDEX abbreviations_long;
                CREATE INDEX abbreviations_short ON abbreviations(short_key, long);
                CREATE INDEX abbreviations_long ON abbreviations(long_key, short);
                CREATE INDEX reaction_arms_lookup ON reaction_arms(term_key, all_grades, grade3, document_id, table_id, row_ordinal);
                """)
        }
        // Labels schemaVersion 2: the parser reads doses, headings and names anew (population,
        // qualifiers, steps; 68 mL/袋 is no longer a dose). Stored parses are of the old reader,
        // so every document is parsed again by the next `index`: its hash no longer matches.
        migrator.registerMigration("v3: documents parsed again by the schema-2 parser") { db in
            try db.execute(sql: "UPDATE documents SET sha256 = ''")
        }
        // Schema 4 (issue 14): the index keeps each document's source (deflated) so that it can
        // answer without the file; `last_indexed` is recorded in it, not read from the file's
        // time; each paragraph keeps where its lines start, so a hit names the line of its
        // match; the boxed warning, an article's paragraphs and an application's every field
        // become searchable sections. All of that comes from parsing again: the next `index`
        // re-reads every document (its hash no longer matches).
        migrator.registerMigration("v4: stored sources, meta, line starts, every text searchable") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE sources (
                    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    -- 'zlib' (deflated) or 'raw'; size is the source's own length in bytes.
                    codec TEXT NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL
                );
                -- Where each physical line after the first starts in the paragraph's text:
                -- 'offset:line' pairs in unicode scalars, comma-separated; NULL for one line.
                ALTER TABLE paragraphs ADD COLUMN line_starts TEXT;
                UPDATE documents SET sha256 = '';
                """)
        }
        // Schema 5: the index at most 4× its text (it was 6 to 7×). A paragraph whose text is
        // pieces of its source lines (nearly all) keeps those cuts instead of the text, read
        // back from the stored source (`ParagraphCuts`); the folded copy of every paragraph is
        // gone (folded again when needed, its tokens checked by each section's CRC-32), and
        // paragraphs are kept in their section's order without a row id and an index of their
        // own. The tokenizer makes pairs again, not trigrams: a third of the index's size
        // (labels-dev: 4.1× → 3.5× the text with everything else of this schema) for longer
        // queries that read longer posting lists (measured with `bench search`, see the
        // README). Existing paragraphs keep their text; the full-text index is made again
        // with today's tokens and folding, so that every section has its CRC.
        migrator.registerMigration("v5: paragraphs as cuts of the stored source, no folded copy") { db in
            try db.execute(sql: """
                CREATE TABLE paragraphs_v5 (
                    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    start_line INTEGER NOT NULL,
                    end_line INTEGER NOT NULL,
                    -- Empty when cuts give the text back from the stored source.
                    text TEXT NOT NULL,
                    -- 'line:from:to' per physical line, byte offsets in the decoded source line.
                    cuts TEXT,
                    line_starts TEXT,
                    PRIMARY KEY (section_id, ordinal)
                ) WITHOUT ROWID;
                INSERT INTO paragraphs_v5 (section_id, ordinal, start_line, end_line, text, line_starts)
                    SELECT section_id, row_number() OVER (PARTITION BY section_id ORDER BY id), start_line, end_line, text, line_starts
                    FROM paragraphs;
                DROP TABLE paragraphs;
                ALTER TABLE paragraphs_v5 RENAME TO paragraphs;
                ALTER TABLE sections ADD COLUMN grams_crc INTEGER;
                """)
            try reindexSections(db, fold: TextFold.checked(), storePath: "the index being upgraded")
        }
        return migrator
    }

    /// Makes the full-text index again from every section's paragraphs, folded now, and
    /// records each section's CRC-32 of its tokens.
    static func reindexSections(_ db: Database, fold: TextFold, storePath: String) throws {
        try db.execute(sql: "INSERT INTO section_index (section_index) VALUES ('delete-all')")
        var reader = ParagraphReader(storePath: storePath)
        let sections = try Row.fetchAll(db, sql: """
            SELECT s.id, s.key, d.kind FROM sections s JOIN documents d ON d.id = s.document_id ORDER BY s.document_id, s.id
            """)
        for section in sections {
            let id: Int64 = section["id"]
            let texts = try reader.paragraphs(section: id, db: db).map(\.text)
            let indexed = SearchKey.indexed(paragraphs: texts, section: section["key"], kind: section["kind"], fold: fold)
            try db.execute(sql: "INSERT INTO section_index (rowid, grams) VALUES (?, ?)", arguments: [id, indexed])
            try db.execute(sql: "UPDATE sections SET grams_crc = ? WHERE id = ?", arguments: [Zlib.crc32(Array(indexed.utf8)), id])
        }
    }

    /// Fills the full-text index from the sections' stored paragraphs (schema 2, when every
    /// paragraph kept its text and a folded copy).
    /// Each paragraph's stored folded text is made again too: deleting a document gives the
    /// index that stored text back, so the two must agree with what the index holds.
    static func refillSectionIndex(_ db: Database) throws {
        let fold = try TextFold.checked()
        let sections = try Row.fetchAll(db, sql: """
            SELECT s.id, s.key, d.kind FROM sections s JOIN documents d ON d.id = s.document_id ORDER BY s.id
            """)
        for section in sections {
            let id: Int64 = section["id"]
            let paragraphs = try Row.fetchAll(db, sql: "SELECT id, text, folded FROM paragraphs WHERE section_id = ? ORDER BY id",
                                              arguments: [id])
            let folded = SearchKey.foldedParagraphs(paragraphs.map { $0["text"] }, fold: fold)
            for (p, f) in zip(paragraphs, folded) {
                let text = String(String.UnicodeScalarView(f))
                if text != p["folded"] as String {
                    try db.execute(sql: "UPDATE paragraphs SET folded = ? WHERE id = ?", arguments: [text, p["id"] as Int64])
                }
            }
            try db.execute(sql: "INSERT INTO section_index (rowid, grams) VALUES (?, ?)",
                           arguments: [id, SearchKey.indexed(folded: folded, section: section["key"], kind: section["kind"])])
        }
    }
}
