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
    }
    struct SectionRows: Sendable {
        var section: Section
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

    struct Reaction: Sendable {
        var table: String
        var ordinal: Int
        var termKey: String
        var arms: [(all: Double?, grade3: Double?)]
        var json: String
    }

    public init(label: Label, lines: [SourceLine], path: String, folder: Folder, pinyin: Pinyin) throws {
        self.path = path
        self.label = label
        var rows: [SectionRows] = []
        let locator = LineLocator(lines: lines)
        for section in label.sections {
            let spanText = locator.text(of: section.span)
            var cursor = 0
            let texts = section.text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let folded = SearchKey.foldedParagraphs(texts, folder: folder)
            let indexed = SearchKey.indexed(folded: folded, section: section.key, kind: label.kind.rawValue)
            let paragraphs = zip(texts, folded).map { text, f in
                // Not found verbatim (a repaired or reordered field value): the section's span.
                Paragraph(text: text, span: locator.locate(text, in: spanText, from: &cursor) ?? section.span,
                          folded: String(String.UnicodeScalarView(f)))
            }
            rows.append(SectionRows(section: section, paragraphs: paragraphs, indexed: indexed))
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
