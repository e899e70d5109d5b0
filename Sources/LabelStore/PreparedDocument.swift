import DrugLabel
import Foundation

/// A parsed document made ready for the index outside the write transaction: paragraphs with
/// their lines (as cuts of the source where they can be), each section's search text, so that preparing runs in parallel and writing is
/// short.
public struct PreparedDocument: Sendable {
    struct Paragraph: Sendable {
        /// `paragraphs.text`: empty when `cuts` give it back from the stored source.
        var text: String
        var cuts: String?
        var span: SourceSpan
        /// `paragraphs.line_starts`: the lines after the first, `offset:line,…`; nil for one line
        /// or when `cuts` give them.
        var lineStarts: String?
    }
    struct SectionRows: Sendable {
        var key: String?
        var heading: String
        var span: SourceSpan
        var paragraphs: [Paragraph]
        /// The section's full-text column, and its CRC-32 (`sections.grams_crc`).
        var indexed: String
        var gramsCRC: Int64
    }

    public let path: String
    public let label: Label
    let sections: [SectionRows]
    let metadata: String
    let pinyin: String?
    /// The folded keys that the structured queries look up, and the rows as JSON.
    let doseKeys: [String]
    let doses: [String]
    let reactions: [Reaction]
    let abbreviationKeys: [(short: String, long: String)]
    let fieldKeys: [String]
    /// Each table row's cells as JSON, made here rather than inside the write transaction.
    let rowCells: [[String]]
    /// The source bytes as stored (`sources`), so the index can answer without the file.
    let source: (codec: String, size: Int, data: Data)?

    struct Reaction: Sendable {
        var table: String
        var ordinal: Int
        var termKey: String
        var arms: [(all: Double?, grade3: Double?)]
        var json: String
    }

    public init(label: Label, lines: [SourceLine], path: String, fold: TextFold, pinyin: Pinyin, source: [UInt8]? = nil) throws {
        self.path = path
        self.label = label
        self.source = source.map(StoredSource.encode)
        let raw = source.flatMap { RawLines(source: $0) }
        var rows: [SectionRows] = []
        for part in SearchableText.parts(of: label, lines: lines) {
            let indexed = SearchKey.indexed(paragraphs: part.paragraphs.map(\.text), section: part.key, kind: label.kind.rawValue, fold: fold)
            let paragraphs = part.paragraphs.map { p in
                let cuts = raw.flatMap { ParagraphCuts.make(text: p.text, lineStarts: p.lineStarts, lines: $0) }
                // Cuts give the text and its line starts back: neither is kept beside them.
                let starts = p.lineStarts.count > 1 ? p.lineStarts.dropFirst().map { "\($0.offset):\($0.line)" }.joined(separator: ",") : nil
                return Paragraph(text: cuts == nil ? p.text : "", cuts: cuts, span: p.span, lineStarts: cuts == nil ? starts : nil)
            }
            rows.append(SectionRows(key: part.key, heading: part.heading, span: part.span, paragraphs: paragraphs, indexed: indexed,
                                    gramsCRC: Zlib.crc32(Array(indexed.utf8))))
        }
        sections = rows
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        metadata = String(decoding: try encoder.encode(label.metadata), as: UTF8.self)
        self.pinyin = label.metadata.genericName.map(pinyin.key)
        doseKeys = label.doses.map { fold($0.drug) }
        doses = try label.doses.map { try CompactJSON.encode($0, encoder: encoder) }
        var reactions: [Reaction] = []
        for table in label.tables {
            for (n, row) in table.adverseReactionRows().enumerated() {
                reactions.append(Reaction(table: table.id, ordinal: n, termKey: fold(row.term),
                                          arms: row.arms.map { ($0.allGrades, $0.grade3OrWorse) },
                                          json: try CompactJSON.encode(row, encoder: encoder)))
            }
        }
        self.reactions = reactions
        abbreviationKeys = label.abbreviations.map {
            (String(String.UnicodeScalarView(SearchKey.characters($0.short, fold: fold))),
             String(String.UnicodeScalarView(SearchKey.characters($0.long, fold: fold))))
        }
        fieldKeys = label.fields.map { fold($0.name) }
        rowCells = label.tables.map { t in t.rows.map { CellsJSON.encode($0.cells) } }
    }
}
