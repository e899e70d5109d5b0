import DrugLabel
import Foundation
import GRDB

/// A paragraph as the index gives it back: its text, its first line and where its other lines
/// start (`LineStarts`).
struct StoredParagraph {
    var startLine: Int
    var text: String
    var lineStarts: String?
}

/// Reads sections' paragraphs back from the index: a paragraph stored as cuts of its source
/// lines (`ParagraphCuts`) gets its text from the document's stored source, decoded once per
/// document while the reader lives (one search, one removal).
struct ParagraphReader {
    /// The index's path, for the message when a paragraph cannot be read back.
    let storePath: String
    private var decoded: [Int64: RawLines] = [:]
    /// The store's decoded sources, kept across searches while the index is unchanged: the
    /// same documents come back query after query (a third of a search's time was decoding).
    private let shared: (cache: GenerationCache<Int64, RawLines>, generation: Date?)?

    init(storePath: String) {
        self.storePath = storePath
        shared = nil
    }

    init(store: LabelStore) {
        storePath = store.path
        shared = (store.sourceLines, store.lastWritten())
    }

    mutating func paragraphs(section: Int64, db: Database) throws -> [StoredParagraph] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.start_line, p.text, p.cuts, p.line_starts, s.document_id FROM paragraphs p JOIN sections s ON s.id = p.section_id
            WHERE p.section_id = ? ORDER BY p.ordinal
            """), arguments: [section])
        return try rows.map { row in
            guard let cuts = row["cuts"] as String? else {
                return StoredParagraph(startLine: row["start_line"], text: row["text"], lineStarts: row["line_starts"])
            }
            let lines = try self.lines(document: row["document_id"], db: db)
            guard let read = ParagraphCuts.read(cuts, lines: lines) else { throw unreadable(document: row["document_id"], db: db) }
            return StoredParagraph(startLine: row["start_line"], text: read.text, lineStarts: read.lineStarts)
        }
    }

    private mutating func lines(document: Int64, db: Database) throws -> RawLines {
        if let lines = decoded[document] { return lines }
        if let shared {
            return try shared.cache.value(for: document, generation: shared.generation) { try decode(document: document, db: db) }
        }
        return try decode(document: document, db: db)
    }

    private mutating func decode(document: Int64, db: Database) throws -> RawLines {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT s.codec, s.size, s.data, d.path FROM sources s JOIN documents d ON d.id = s.document_id WHERE s.document_id = ?
                """), arguments: [document]),
              let bytes = StoredSource.decode(codec: row["codec"], size: row["size"], data: Array(row["data"] as Data)),
              let lines = RawLines(source: bytes, path: row["path"]) else { throw unreadable(document: document, db: db) }
        // A search reads the paragraphs of a page of hits: a few dozen documents at most are
        // worth keeping decoded.
        if decoded.count >= 64 { decoded.removeAll(keepingCapacity: true) }
        decoded[document] = lines
        return lines
    }

    private func unreadable(document: Int64, db: Database) -> StoreError {
        let path = (try? String.fetchOne(db, sql: "SELECT path FROM documents WHERE id = ?", arguments: [document])) ?? nil
        return .damaged(path: storePath, reason: "the paragraphs of \(path ?? "document \(document)") cannot be read back from its stored source")
    }
}
