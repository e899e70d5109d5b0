import DrugLabel

/// One line of `export` (docs/export.schema.json), in openFDA's manner: every key snake_case,
/// each section's text under its catalogue key (openFDA's field name where one exists) as an
/// array with one string per section of that key — its paragraphs in document order, one a
/// line, without the lines of its tables — and its tables under `KEY_table` (openFDA's
/// `*_table`) as rows of cells. Sections the catalogue does not know go to `other_sections`;
/// an application's fields that quote no label section to `fields`; an article's paragraphs to
/// `text`. `schema_version` is `LabelStore.exportSchemaVersion`.
struct ExportedDocument: Encodable {
    let path: String
    let sha256: String
    let kind: String
    let title: String?
    let metadata: Metadata
    /// Nil when the index holds no source for the document (indexed before schema 4): then only
    /// the identity and metadata are written.
    let document: ParsedDocument?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct ExportTable: Encodable {
        struct Row: Encodable {
            var group: String?
            var label: String
            var unit: String?
            var statistic: String?
            var cells: [String]
            var startLine: Int
        }
        var id: String
        var caption: String
        var stub: [String]
        var columns: [[String]]
        var rows: [Row]
        var notes: [String]
        var startLine: Int
        var endLine: Int

        init(_ t: DrugLabel.Table) {
            id = t.id
            caption = t.caption
            stub = t.stub
            columns = t.columns
            rows = t.rows.map { Row(group: $0.group, label: $0.label, unit: $0.unit, statistic: $0.statistic, cells: $0.cells.map(\.raw),
                                    startLine: $0.span.startLine) }
            notes = t.notes + t.footnotes.map { "\($0.mark) \($0.text)" }
            startLine = t.span.startLine
            endLine = t.span.endLine
        }

        private enum CodingKeys: String, CodingKey { case id, caption, stub, columns, rows, notes, startLine, endLine }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(caption, forKey: .caption)
            try c.encode(stub, forKey: .stub)
            try c.encode(columns, forKey: .columns)
            try c.encode(rows, forKey: .rows)
            try c.encode(notes, forKey: .notes)
            try c.encode(startLine, forKey: .startLine)
            try c.encode(endLine, forKey: .endLine)
        }
    }

    struct Other: Encodable {
        var heading: String
        var text: String
        var tables: [ExportTable]
    }

    struct ExportField: Encodable {
        var name: String
        var value: String
        var startLine: Int
        var endLine: Int
    }

    /// `approvalNumbers` → `approval_numbers`, as JSONEncoder's `.convertToSnakeCase` does.
    static func snakeCase(_ key: String) -> String {
        var out = ""
        for c in key {
            if c.isUppercase { if !out.isEmpty { out += "_" }; out += c.lowercased() } else { out.append(c) }
        }
        return out
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(LabelStore.exportSchemaVersion, forKey: Key("schema_version"))
        try c.encode(path, forKey: Key("path"))
        try c.encode(sha256, forKey: Key("sha256"))
        try c.encode(kind, forKey: Key("kind"))
        try c.encode(title, forKey: Key("title"))
        // The encoder's snake_case strategy leaves a dictionary's keys alone: `spans` is keyed by
        // metadata keys, renamed here the same way.
        try c.encode(SnakeCaseSpans(metadata: metadata), forKey: Key("metadata"))
        guard let document else { return }
        let label = document.label
        let parts = SearchableText.parts(of: label, lines: document.lines)
        var byKey: [String: [String]] = [:]
        var tablesByKey: [String: [ExportTable]] = [:]
        var other: [Other] = []
        var placed = Set<String>()
        for part in parts {
            let tables = label.tables.filter { t in
                part.span.startLine <= t.span.startLine && t.span.startLine <= part.span.endLine && !placed.contains(t.id)
            }
            for t in tables { placed.insert(t.id) }
            let inTable = { (p: SearchableText.Paragraph) in
                tables.contains { $0.span.startLine <= p.span.startLine && p.span.startLine <= $0.span.endLine }
            }
            let text = part.paragraphs.filter { !inTable($0) }.map(\.text).joined(separator: "\n")
            switch part.key {
            case let key? where label.kind == .label || label.sections.contains(where: { $0.key == key }) || key == "boxed_warning":
                byKey[key, default: []].append(text)
                if !tables.isEmpty { tablesByKey[key, default: []] += tables.map(ExportTable.init) }
            case nil where label.kind == .label:
                other.append(Other(heading: part.heading, text: text, tables: tables.map(ExportTable.init)))
            default:
                // An application's own fields and an article's text have keys of their own below.
                break
            }
        }
        for (key, texts) in byKey { try c.encode(texts, forKey: Key(key)) }
        for (key, tables) in tablesByKey { try c.encode(tables, forKey: Key(key + "_table")) }
        if !other.isEmpty { try c.encode(other, forKey: Key("other_sections")) }
        if label.kind == .application || label.kind == .slides {
            try c.encode(label.fields.map { ExportField(name: $0.name, value: $0.value, startLine: $0.span.startLine, endLine: $0.span.endLine) },
                         forKey: Key("fields"))
        }
        if label.kind == .article || label.kind == .unknown {
            try c.encode(SearchableText.blankSeparated(document.lines).map(\.text), forKey: Key("text"))
        }
    }
}

/// Metadata as its own encoding writes it, with the keys of its `spans` in snake_case too.
private struct SnakeCaseSpans: Encodable {
    let metadata: Metadata

    func encode(to encoder: Encoder) throws {
        try metadata.encode(to: encoder, spanKey: ExportedDocument.snakeCase)
    }
}
