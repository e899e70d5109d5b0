import DrugLabel
import Foundation

/// A parsed document made ready for the index outside the write transaction: paragraphs with
/// their lines and their search pairs, so that preparing runs in parallel and writing is short.
public struct PreparedDocument: Sendable {
    struct Paragraph: Sendable {
        var text: String
        var span: SourceSpan
        var pairs: String
    }
    struct SectionRows: Sendable {
        var section: Section
        var paragraphs: [Paragraph]
    }

    public let path: String
    public let label: Label
    let sections: [SectionRows]
    let json: String
    let pinyin: String?

    public init(label: Label, lines: [SourceLine], path: String, folder: Folder, pinyin: Pinyin) throws {
        self.path = path
        self.label = label
        var rows: [SectionRows] = []
        for section in label.sections {
            var locator = ParagraphLines(lines: ParagraphLines.slice(lines, section.span))
            let paragraphs = section.text.split(separator: "\n", omittingEmptySubsequences: true).map { part -> Paragraph in
                let text = String(part)
                return Paragraph(text: text, span: locator.next(text, fallback: section.span), pairs: SearchKey.pairs(text, folder: folder))
            }
            rows.append(SectionRows(section: section, paragraphs: paragraphs))
        }
        sections = rows
        json = String(decoding: try LabelJSON.encode(label), as: UTF8.self)
        self.pinyin = label.metadata.genericName.map(pinyin.key)
    }
}
