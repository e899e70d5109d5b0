import DrugLabel
import Foundation

extension PreparedDocument {
    /// The records of a parsed document: paragraphs as cuts of the source where they can be,
    /// each section's search tokens, the folded keys the structured queries look up, and the
    /// rows' JSON, all made here rather than inside the write transaction.
    public init(_ parsed: ParsedDocument, path: String, fold: TextFold, pinyin: Pinyin, source: [UInt8]? = nil) throws {
        let label = parsed.label, lines = parsed.lines
        let m = label.metadata
        document = DocumentRecord(
            path: path, sha256: label.source.sha256, kind: label.kind.rawValue, title: label.title, genericName: m.genericName,
            tradeName: m.tradeName, englishName: m.englishName, holder: m.holder?.name, pinyin: m.genericName.map(pinyin.key),
            metadata: try CompactJSON.withNulls(m),
            boxedWarning: label.boxedWarning.map { $0.items.joined(separator: "\n") })
        self.source = source.map(StoredSource.encode).map { SourceRecord(codec: $0.codec, size: $0.size, data: $0.data) }
        sections = PreparedDocument.sections(of: label, lines: lines, fold: fold, raw: parsed.readText.map { RawLines(text: $0) } ?? source.flatMap { RawLines(source: $0, path: path) })
        doses = try label.doses.map { d in
            DoseRecord(drug: d.drug, drugKey: fold(d.drug), unit: d.unit, per: d.per, startLine: d.span.startLine,
                       json: try CompactJSON.encode(d))
        }
        tableRows = label.tables.flatMap { t in
            t.rows.map { r in
                TableRowRecord(tableID: t.id, section: t.section, group: r.group, label: r.label, cells: CellsJSON.encode(r.cells),
                               startLine: r.span.startLine, endLine: r.span.endLine)
            }
        }
        var arms: [ReactionArmRecord] = []
        for table in label.tables {
            for (n, row) in table.adverseReactionRows().enumerated() {
                let json = try CompactJSON.encode(row)
                let termKey = fold(row.term)
                for (k, arm) in row.arms.enumerated() {
                    arms.append(ReactionArmRecord(tableID: table.id, rowOrdinal: n, termKey: termKey, allGrades: arm.allGrades,
                                                  grade3: arm.grade3OrWorse, json: k == 0 ? json : ""))
                }
            }
        }
        reactionArms = arms
        abbreviations = label.abbreviations.map { a in
            AbbreviationRecord(short: a.short, long: a.long, shortKey: LabelStore.key(a.short, fold: fold),
                               longKey: LabelStore.key(a.long, fold: fold), startLine: a.span.startLine)
        }
        fields = label.fields.map { f in
            FieldRecord(name: f.name, nameKey: fold(f.name), value: f.value, startLine: f.span.startLine, endLine: f.span.endLine)
        }
    }

    /// Every searchable part of the document (`SearchableText`) as a section row with its
    /// tokens and paragraphs. A paragraph whose text is cuts of its source lines keeps the cuts
    /// instead: they give the text and its line starts back.
    private static func sections(of label: Label, lines: [SourceLine], fold: TextFold, raw: RawLines?) -> [PreparedSection] {
        SearchableText.parts(of: label, lines: lines).enumerated().map { ordinal, part in
            let grams = SearchKey.indexed(paragraphs: part.paragraphs.map(\.text), section: part.key, kind: label.kind.rawValue, fold: fold)
            let paragraphs = part.paragraphs.enumerated().map { n, p in
                if let cuts = raw.flatMap({ ParagraphCuts.make(text: p.text, lineStarts: p.lineStarts, lines: $0) }) {
                    return ParagraphRecord(ordinal: n + 1, startLine: p.span.startLine, endLine: p.span.endLine, text: "", cuts: cuts, lineStarts: nil)
                }
                let starts = p.lineStarts.count > 1 ? p.lineStarts.dropFirst().map { "\($0.offset):\($0.line)" }.joined(separator: ",") : nil
                return ParagraphRecord(ordinal: n + 1, startLine: p.span.startLine, endLine: p.span.endLine, text: p.text, cuts: nil, lineStarts: starts)
            }
            let record = SectionRecord(ordinal: ordinal, key: part.key, heading: part.heading, startLine: part.span.startLine,
                                       endLine: part.span.endLine, gramsCRC: Zlib.crc32(Array(grams.utf8)))
            return PreparedSection(record: record, grams: grams, paragraphs: paragraphs)
        }
    }
}
