import DrugLabel

/// What the label page shows, as plain strings for the template (which escapes every one):
/// the facts, the boxed warning set apart, an outline, each section with its tables as HTML
/// tables, the doses with their source lines, and an application's form fields.
struct LabelPageModel {
    struct Fact { var name: String; var value: String }
    struct OutlineItem { var anchor: String; var heading: String; var lines: String }
    struct Paragraph { var text: String }
    struct HeaderCell { var text: String; var span: Int; var rows: Int }
    struct HeaderRow { var cells: [HeaderCell] }
    struct BodyCell { var text: String; var flagged: Bool }
    struct BodyRow { var isGroup: Bool; var label: String; var marks: String?; var cells: [BodyCell]; var width: Int; var lines: String }
    struct TableView {
        var anchor: String; var id: String; var caption: String; var lines: String; var csv: String
        var header: [HeaderRow]; var rows: [BodyRow]; var footnotes: [Paragraph]; var notes: [Paragraph]
    }
    struct SectionView {
        var anchor: String; var heading: String; var key: String; var lines: String
        var paragraphs: [Paragraph]; var tables: [TableView]
    }
    struct FieldView { var name: String; var value: String; var lines: String }
    struct DoseView { var drug: String; var amount: String; var route: String; var frequency: String; var text: String; var lines: String; var anchor: String }

    var id: String
    var title: String
    var kind: String
    var facts: [Fact]
    var hasWarning: Bool
    var warningTitle: String
    var warningItems: [Paragraph]
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

    init(id: String, label: Label) {
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
        warningItems = (label.boxedWarning?.items ?? []).map(Paragraph.init)
        warningLines = label.boxedWarning.map { LabelPageModel.lines($0.span) } ?? ""
        var anchors: [String: Int] = [:]
        func anchor(for section: Section) -> String {
            let base = "s-" + (section.key ?? section.heading)
            anchors[base, default: 0] += 1
            return anchors[base]! == 1 ? base : "\(base)-\(anchors[base]!)"
        }
        var views: [SectionView] = []
        for section in label.sections {
            let tables = label.tables.filter { section.span.startLine <= $0.span.startLine && $0.span.endLine <= section.span.endLine }
            views.append(SectionView(anchor: anchor(for: section), heading: section.heading, key: section.key ?? "",
                                     lines: LabelPageModel.lines(section.span),
                                     paragraphs: section.text.split(separator: "\n").map { Paragraph(text: String($0)) },
                                     tables: tables.map { LabelPageModel.tableView($0, labelID: id) }))
        }
        sections = views
        outline = views.map { OutlineItem(anchor: $0.anchor, heading: $0.heading, lines: $0.lines) }
        let anchorByKey = Dictionary(views.map { ($0.key, $0.anchor) }, uniquingKeysWith: { first, _ in first })
        doses = label.doses.map { d in
            DoseView(drug: d.drug, amount: DoseTable.amount(d), route: d.route ?? "", frequency: d.frequency ?? "", text: d.text,
                     lines: LabelPageModel.lines(d.span), anchor: d.section.flatMap { anchorByKey[$0] } ?? "")
        }
        hasDoses = !doses.isEmpty
        fields = label.fields.map { FieldView(name: $0.name, value: $0.value, lines: LabelPageModel.lines($0.span)) }
        hasFields = !fields.isEmpty
        diagnostics = label.diagnostics.filter { $0.severity != .info }.map { Paragraph(text: "\($0.line.map { "line \($0): " } ?? "")\($0.message)") }
        hasDiagnostics = !diagnostics.isEmpty
    }

    static func lines(_ span: SourceSpan) -> String {
        span.startLine == span.endLine ? "line \(span.startLine)" : "lines \(span.startLine)–\(span.endLine)"
    }

    /// Arms over their columns in a first header row when the table has arms; the stub spans
    /// both rows. Group rows span the whole table, as in the printed label.
    static func tableView(_ table: Table, labelID: String) -> TableView {
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
                rows.append(BodyRow(isGroup: true, label: g, marks: nil, cells: [], width: width, lines: ""))
            }
            group = row.group
            rows.append(BodyRow(isGroup: false, label: row.label, marks: row.footnotes.isEmpty ? nil : row.footnotes.joined(separator: ","),
                                cells: row.cells.map { BodyCell(text: $0.raw, flagged: !($0.flags ?? []).isEmpty) },
                                width: width, lines: lines(row.span)))
        }
        return TableView(anchor: "t-" + String(Label.tableNumber(of: table.id) ?? table.span.startLine), id: table.id, caption: table.caption,
                         lines: lines(table.span),
                         csv: "/labels/\(LabelPaths.segment(labelID))/tables/\(LabelPaths.segment(table.id))?format=csv",
                         header: header, rows: rows,
                         footnotes: table.footnotes.map { Paragraph(text: "\($0.mark) \($0.text)") }, notes: table.notes.map(Paragraph.init))
    }
}
