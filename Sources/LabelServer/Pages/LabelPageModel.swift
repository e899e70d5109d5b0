import DrugLabel
import LabelStore

/// What the label page shows, as plain strings for the template (which escapes every one):
/// the facts, the boxed warning set apart, an outline, each section with its tables as HTML
/// tables, the doses with their source lines, an application's form fields and an article's
/// text. Every paragraph carries the anchor `L<its first line>`, which a search hit links to,
/// and the hit's match (`mark`) is marked wherever it stands.
struct LabelPageModel {
    struct Fact { var name: String; var value: String }
    struct OutlineItem { var anchor: String; var heading: String; var lines: String }
    struct Paragraph { var text: String }
    /// A paragraph of the document: its anchor (nil when another element has it), its pieces.
    struct Block { var anchor: String?; var pieces: [MarkedText.Piece] }
    struct HeaderCell { var text: String; var span: Int; var rows: Int }
    struct HeaderRow { var cells: [HeaderCell] }
    struct BodyCell { var text: String; var flagged: Bool }
    /// `uncertain`: a warning of the table reader falls on the row's lines (cells of prose
    /// whose column is a guess, text of two cells run together); `notes` says which.
    struct BodyRow {
        var isGroup: Bool; var label: String; var marks: String?; var cells: [BodyCell]; var width: Int; var lines: String
        var uncertain: Bool; var notes: String
    }
    struct TableView {
        var anchor: String; var id: String; var caption: String; var lines: String; var csv: String
        var header: [HeaderRow]; var rows: [BodyRow]; var footnotes: [Paragraph]; var notes: [Paragraph]
        /// The table reader's warnings on its lines; `isUncertain`: some row may hold misplaced cells.
        var uncertainties: [Paragraph]; var isUncertain: Bool
    }
    struct SectionView {
        var anchor: String; var heading: String; var key: String; var lines: String
        var paragraphs: [Block]; var tables: [TableView]
    }
    struct FieldView { var name: String; var anchor: String?; var value: [Block]; var lines: String }
    struct DoseView {
        var drug: String; var amount: String; var route: String; var frequency: String; var text: String; var lines: String; var anchor: String
        /// Why the reading may be wrong (read from a table cell of uncertain column), shown beside it.
        var uncertainty: String?
    }

    var id: String
    var title: String
    var kind: String
    var facts: [Fact]
    var hasWarning: Bool
    var warningTitle: String
    /// The title as a block: search indexes it as the boxed warning's first paragraph, so a hit
    /// in it links to its line and is marked here.
    var warningHeading: [Block]
    var warningItems: [Block]
    var warningLines: String
    var outline: [OutlineItem]
    var sections: [SectionView]
    var doses: [DoseView]
    var hasDoses: Bool
    /// The form fields of an application or slide deck, which has few or no 【】 sections.
    var fields: [FieldView]
    var hasFields: Bool
    var diagnostics: [Paragraph]
    var hasDiagnostics: Bool
    /// An article's (or an unknown document's) paragraphs: it has no sections to show them in.
    var body: [Block]
    var hasBody: Bool
    /// The term marked, shown above the page with the number of places it was marked.
    var mark: String?
    var markSummary: String?

    init(id: String, document: ParsedDocument, mark: String? = nil) {
        let label = document.label
        var used = Set<String>()
        var marked = 0
        /// A block of the document's text, anchored at its first line unless an earlier block was.
        func block(_ text: String, line: Int?) -> Block {
            let anchor = line.map { "L\($0)" }
            let fresh = anchor.map { used.insert($0).inserted } ?? false
            let pieces = MarkedText(text, mark: mark).pieces
            marked += pieces.filter(\.marked).count
            return Block(anchor: fresh ? anchor : nil, pieces: pieces)
        }
        self.id = id
        title = label.title ?? label.metadata.genericName ?? id
        kind = label.kind.rawValue
        let m = label.metadata
        facts = [
            ("通用名称", m.genericName), ("商品名称", m.tradeName), ("英文名称", m.englishName),
            ("批准文号", m.approvalNumbers.isEmpty ? nil : m.approvalNumbers.joined(separator: "、")),
            ("核准日期", m.approvalDate),
            ("修改日期", m.revisions.isEmpty ? nil : m.revisions.map { r in r.ordinal.map { "第\($0)次 \(r.date)" } ?? r.date }.joined(separator: "；")),
            ("上市许可持有人", m.holder?.name), ("生产企业", m.manufacturer?.name),
        ].compactMap { name, value in value.map { Fact(name: name, value: $0) } }
        hasWarning = label.boxedWarning != nil
        warningTitle = label.boxedWarning?.title ?? ""
        if let box = label.boxedWarning {
            warningHeading = [block(box.title, line: box.span.startLine)]
            if box.paragraphs.count == box.items.count {
                // Each item knows its lines.
                warningItems = box.paragraphs.map { block($0.text, line: $0.span.startLine) }
            } else {
                var locator = PieceLocator(lines: document.lines, span: box.span)
                warningItems = box.items.map { block($0, line: locator.firstLine(of: $0)) }
            }
        } else {
            warningHeading = []
            warningItems = []
        }
        warningLines = label.boxedWarning.map { LabelPageModel.lines($0.span, label.origins) } ?? ""
        var anchors: [String: Int] = [:]
        func anchor(for section: Section) -> String {
            let base = "s-" + (section.key ?? section.heading)
            anchors[base, default: 0] += 1
            return anchors[base]! == 1 ? base : "\(base)-\(anchors[base]!)"
        }
        var views: [SectionView] = []
        for section in label.sections {
            let tables = label.tables.filter { section.span.startLine <= $0.span.startLine && $0.span.endLine <= section.span.endLine }
            let paragraphs: [Block]
            if !section.paragraphs.isEmpty, section.paragraphs.map(\.text).joined(separator: "\n") == section.text {
                paragraphs = section.paragraphs.filter { !$0.text.isEmpty }.map { block($0.text, line: $0.span.startLine) }
            } else {
                // A section made from a quoted field has no paragraphs of its own: find its lines.
                var locator = PieceLocator(lines: document.lines, span: section.span)
                paragraphs = section.text.split(separator: "\n").map { block(String($0), line: locator.firstLine(of: String($0))) }
            }
            views.append(SectionView(anchor: anchor(for: section), heading: section.heading, key: section.key ?? "",
                                     lines: LabelPageModel.lines(section.span, label.origins), paragraphs: paragraphs,
                                     tables: tables.map { LabelPageModel.tableView($0, labelID: id, diagnostics: label.diagnostics, origins: label.origins) }))
        }
        sections = views
        outline = views.map { OutlineItem(anchor: $0.anchor, heading: $0.heading, lines: $0.lines) }
        let anchorByKey = Dictionary(views.map { ($0.key, $0.anchor) }, uniquingKeysWith: { first, _ in first })
        doses = label.doses.map { d in
            DoseView(drug: d.drug, amount: DoseTable.amount(d), route: d.route ?? "", frequency: d.frequency ?? "", text: d.text,
                     lines: LabelPageModel.lines(d.span, label.origins), anchor: d.section.flatMap { anchorByKey[$0] } ?? "", uncertainty: d.uncertainty)
        }
        hasDoses = !doses.isEmpty
        fields = label.fields.map { field in
            let value: [Block]
            if let p = field.paragraph, !p.text.isEmpty {
                // Joined from whole wrapped lines: its first line is known.
                value = [block(p.text, line: p.span.startLine)]
            } else {
                // Put together from pieces (a numbered list given back to its field): each
                // piece is found in the field's lines.
                var locator = PieceLocator(lines: document.lines, span: field.span)
                value = field.value.split(separator: "\n", omittingEmptySubsequences: true).map { block(String($0), line: locator.firstLine(of: String($0))) }
            }
            let anchor = "L\(field.span.startLine)"
            return FieldView(name: field.name, anchor: used.insert(anchor).inserted ? anchor : nil, value: value, lines: LabelPageModel.lines(field.span, label.origins))
        }
        hasFields = !fields.isEmpty
        if label.kind == .article || label.kind == .unknown {
            body = LabelStore.bodyParagraphs(document.lines).map { block($0.text, line: $0.line) }
        } else {
            body = []
        }
        hasBody = !body.isEmpty
        self.mark = MarkedText(mark ?? "", mark: mark).pieces.contains(where: \.marked) ? mark : nil
        markSummary = self.mark.map { "“\($0)” 标出 \(marked) 处 (marked \(marked) time\(marked == 1 ? "" : "s"))" }
        diagnostics = label.diagnostics.filter { $0.severity != .info }.map { Paragraph(text: "\($0.line.map { "line \($0): " } ?? "")\($0.message)") }
        hasDiagnostics = !diagnostics.isEmpty
    }

    /// Cell flags that say the cell may not be where it belongs (a bound or an NE is certain).
    static let misplaced: Set<Table.Cell.Flag> = [.missing, .uncertainColumn]

    /// Where a span is, as a reader finds it: the lines of a text file; the page (`p. 12`) of a
    /// PDF, the paragraph (`¶ 45`) of a .docx or web page, with the read text's lines after it.
    static func lines(_ span: SourceSpan, _ origins: LineOrigins? = nil) -> String {
        let lines = span.startLine == span.endLine ? "line \(span.startLine)" : "lines \(span.startLine)–\(span.endLine)"
        guard let origin = origins?.origin(of: span) else { return lines }
        if let page = origin.page { return "p. \(page) · " + lines }
        if let paragraph = origin.paragraph { return "¶ \(paragraph) · " + lines }
        return lines
    }

    /// Arms over their columns in a first header row when the table has arms; the stub spans
    /// both rows. Group rows span the whole table, as in the printed label.
    static func tableView(_ table: Table, labelID: String, diagnostics: [Diagnostic] = [], origins: LineOrigins? = nil) -> TableView {
        let warnings = diagnostics.filter { d in
            d.severity != .info && d.code.hasPrefix("table.") && d.line.map { table.span.startLine <= $0 && $0 <= table.span.endLine } == true
        }
        let stub = table.stub.isEmpty ? "" : table.stub.joined(separator: " / ")
        var header: [HeaderRow] = []
        if !table.arms.isEmpty {
            var first = [HeaderCell(text: stub, span: 1, rows: 2)]
            var second: [HeaderCell] = []
            var covered = Set<Int>()
            for arm in table.arms {
                first.append(HeaderCell(text: arm.name + (arm.n.map { "（N=\($0)）" } ?? ""), span: max(arm.columns.count, 1), rows: 1))
                for c in arm.columns where c < table.columns.count {
                    covered.insert(c)
                    second.append(HeaderCell(text: table.columns[c].last ?? "", span: 1, rows: 1))
                }
            }
            for (c, path) in table.columns.enumerated() where !covered.contains(c) {
                first.append(HeaderCell(text: path.joined(separator: " / "), span: 1, rows: 2))
            }
            header = [HeaderRow(cells: first), HeaderRow(cells: second)]
        } else {
            header = [HeaderRow(cells: [HeaderCell(text: stub, span: 1, rows: 1)]
                + table.columns.map { HeaderCell(text: $0.joined(separator: " / "), span: 1, rows: 1) })]
        }
        let width = table.columns.count + 1
        var rows: [BodyRow] = []
        var group: String?
        for row in table.rows {
            if let g = row.group, g != group {
                rows.append(BodyRow(isGroup: true, label: g, marks: nil, cells: [], width: width, lines: "", uncertain: false, notes: ""))
            }
            group = row.group
            let doubts = warnings.filter { d in d.line.map { row.span.startLine <= $0 && $0 <= row.span.endLine } == true }
            let cells = row.cells.map { BodyCell(text: $0.raw, flagged: !($0.flags ?? []).isEmpty) }
            rows.append(BodyRow(isGroup: false, label: row.label, marks: row.footnotes.isEmpty ? nil : row.footnotes.joined(separator: ","),
                                cells: cells, width: width, lines: lines(row.span, origins),
                                uncertain: !doubts.isEmpty || row.cells.contains { !Set($0.flags ?? []).isDisjoint(with: LabelPageModel.misplaced) },
                                notes: doubts.map(\.message).joined(separator: "；")))
        }
        return TableView(anchor: "t-" + String(Label.tableNumber(of: table.id) ?? table.span.startLine), id: table.id, caption: table.caption,
                         lines: lines(table.span, origins),
                         csv: "/labels/\(LabelPaths.segment(labelID))/tables/\(LabelPaths.segment(table.id))?format=csv",
                         header: header, rows: rows,
                         footnotes: table.footnotes.map { Paragraph(text: "\($0.mark) \($0.text)") }, notes: table.notes.map(Paragraph.init),
                         uncertainties: warnings.map { Paragraph(text: "\($0.line.map { "line \($0): " } ?? "")\($0.message)") },
                         isUncertain: rows.contains(where: \.uncertain))
    }
}
