import DrugLabel
import Foundation
import GRDB

/// What the index keeps of each document beyond its search rows: its source bytes, deflated,
/// and read again with the parser's rules on demand. The server answers every document endpoint
/// from these, so a source file moved, changed, deleted or replaced by a FIFO after indexing
/// changes nothing it says, from whatever folder it runs.
///
/// Sources rather than the encoded parse, measured on Corpus/ (5 documents, 164 KB of text):
/// the deflated sources add 0.37× the text to the index, the deflated parse JSON with its lines
/// 0.86×. Parsing again costs a parse per request (the server keeps recent ones), and it gives
/// back the whole `ParsedDocument` (paragraphs and their line starts, which the JSON leaves out)
/// by the same code that made it, not a second encoding of it to keep in step.
extension LabelStore {
    /// The document indexed at `path` (as the index run was given it), parsed again from its
    /// stored source with `parser`; nil when the index holds no such document or, indexed by
    /// an older druglabel, no source for it (`druglabel index` stores one).
    public func storedDocument(path: String, parser: LabelParser) throws -> ParsedDocument? {
        guard let bytes = try storedSource(path: path) else { return nil }
        return try parser.parseDocument(bytes: bytes, path: path)
    }

    /// `storedDocument(path:parser:)` with the built-in rules.
    public func storedDocument(path: String) throws -> ParsedDocument? {
        try parsers.with { try storedDocument(path: path, parser: $0) }
    }

    /// The bytes of the document indexed at `path`, as they were when it was indexed.
    public func storedSource(path: String) throws -> [UInt8]? {
        let row = try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.codec, s.size, s.data FROM sources s JOIN documents d ON d.id = s.document_id WHERE d.path = ?
                """, arguments: [path])
        }
        guard let row else { return nil }
        let data: Data = row["data"]
        guard let bytes = StoredSource.decode(codec: row["codec"], size: row["size"], data: Array(data)) else {
            throw StoreError.damaged(path: self.path, reason: "the stored source of \(path) cannot be read back")
        }
        return bytes
    }

    /// When an `index` run last finished writing this index, as recorded in it (searching,
    /// copying or touching the file does not move it); nil for an index no run has finished.
    public func lastIndexed() throws -> Date? {
        try pool.read { db in
            guard let value = try MetaRecord.fetchOne(db, key: MetaRecord.lastIndexed)?.value, let seconds = Double(value) else { return nil }
            return Date(timeIntervalSince1970: seconds)
        }
    }

    /// Records the end of an index run.
    public func markIndexed(at date: Date = Date()) throws {
        try pool.write { db in
            try MetaRecord(key: MetaRecord.lastIndexed, value: String(format: "%.3f", date.timeIntervalSince1970))
                .insert(db, onConflict: .replace)
        }
    }
}
