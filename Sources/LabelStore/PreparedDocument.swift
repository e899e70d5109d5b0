import DrugLabel
import Foundation

/// A parsed document made ready for the index outside the write transaction: paragraphs with
/// their lines, each section's folded search text, so that preparing runs in parallel and writing is
/// short.
public struct PreparedDocument: Sendable {
    struct Paragraph: Sendable {
        var text: String
        var span: SourceSpan
        var folded: String
        /// `paragraphs.line_starts`: the lines after the first, `offset:line,…`; nil for one line.
        var lineStarts: String?
    }
    struct SectionRows: Sendable {
        var key: String?
        var heading: String
        var span: SourceSpan
        var paragraphs: [Paragraph]
        /// The section's full-text column.
        var indexed: String
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

    public init(label: Label, lines: [SourceLine], path: String, folder: Folder, pinyin: Pinyin, source: [UInt8]? = nil) throws {
        self.path = path
        self.label = label
        self.source = source.map(StoredSource.encode)
        var rows: [SectionRows] = []
        for part in SearchableText.parts(of: label, lines: lines) {
            let folded = SearchKey.foldedParagraphs(part.paragraphs.map(\.text), folder: folder)
            let indexed = SearchKey.indexed(folded: folded, section: part.key, kind: label.kind.rawValue)
            let paragraphs = zip(part.paragraphs, folded).map { p, f in
                Paragraph(text: p.text, span: p.span, folded: String(String.UnicodeScalarView(f)),
                          lineStarts: p.lineStarts.count > 1 ? p.lineStarts.dropFirst().map { "\($0.offset):\($0.line)" }.joined(separator: ",") : nil)
            }
            rows.append(SectionRows(key: part.key, heading: part.heading, span: part.span, paragraphs: paragraphs, indexed: indexed))
        }
        sections = rows
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        metadata = String(decoding: try encoder.encode(label.metadata), as: UTF8.self)
        self.pinyin = label.metadata.genericName.map(pinyin.key)
        doseKeys = label.doses.map { folder.fold($0.drug) }
        doses = try label.doses.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        var reactions: [Reaction] = []
        for table in label.tables {
            for (n, row) in table.adverseReactionRows().enumerated() {
                reactions.append(Reaction(table: table.id, ordinal: n, termKey: folder.fold(row.term),
                                          arms: row.arms.map { ($0.allGrades, $0.grade3OrWorse) },
                                          json: String(decoding: try encoder.encode(row), as: UTF8.self)))
            }
        }
        self.reactions = reactions
        abbreviationKeys = label.abbreviations.map {
            (String(String.UnicodeScalarView(SearchKey.characters($0.short, folder: folder))),
             String(String.UnicodeScalarView(SearchKey.characters($0.long, folder: folder))))
        }
        fieldKeys = label.fields.map { folder.fold($0.name) }
        rowCells = label.tables.map { t in t.rows.map { CellsJSON.encode($0.cells) } }
    }
}
