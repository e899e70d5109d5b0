/// Reads an application form or slides into a label: fields (footnote lists given back to their
/// field, verbatim repeats kept once), patents, trials, the label sections they quote, metadata.
struct FormReader {
    let vocabulary: FormVocabulary
    let catalogue: SectionCatalogue
    let headingIndex: HeadingIndex
    let fold: TextFold
    var metadata: MetadataRules = .standard
    /// The markup of slide cells (text-rules.json's `html`).
    var markup: HTMLMarkup = .standard

    func read(_ lines: [SourceLine], kind: DocumentKind, into label: inout Label) {
        var raw: [FormFieldExtractor.RawField]
        if kind == .slides {
            raw = SlideTableReader(markup: markup).read(lines)
        } else {
            let extracted = FormFieldExtractor(vocabulary: vocabulary).extract(lines)
            raw = extracted.fields
            if let first = extracted.unassigned.first {
                let shown = extracted.unassigned.prefix(3).map { "“\($0.text)”" }.joined(separator: ", ")
                label.diagnostics.append(Diagnostic(.info, "fields.unassigned",
                                                    "\(extracted.unassigned.count) line(s) belong to no field and are not in the output: \(shown)",
                                                    line: first.number))
            }
            for block in extracted.footnotes {
                let value = block.items.joined(separator: "\n")
                let target = TextFold.standard.fold(block.fieldName)
                if let i = raw.firstIndex(where: { TextFold.standard.fold($0.name) == target && $0.value.isEmpty }) {
                    raw[i].value = value
                    raw[i].span = raw[i].span.union(block.span)
                    raw[i].starts = nil
                } else {
                    raw.append(.init(name: block.fieldName, value: value, span: block.span))
                }
                label.diagnostics.append(Diagnostic(.info, "fields.footnoteMoved",
                                                    "the numbered \(block.fieldName) list the PDF laid at lines \(block.span.startLine)–\(block.span.endLine) was given back to that field",
                                                    line: block.span.startLine))
            }
        }
        let records = FormRecords(vocabulary: vocabulary)
        label.patents = records.patents(raw)
        label.trials = records.trials(raw)
        // `药品不良反应监测情况和药品安全性研究结果` / `药品不良反应监测情况和药品安全性研究结果： 1. …`:
        // a value that repeats its field's name leaves the first, empty occurrence behind.
        raw = raw.enumerated().filter { k, f in
            !(f.value.isEmpty && k + 1 < raw.count && TextFold.standard.fold(raw[k + 1].name) == TextFold.standard.fold(f.name))
        }.map(\.element)
        var seen = Set<ByteKey>()
        for f in raw where seen.insert(ByteKey(TextFold.standard.fold(f.name), f.value)).inserted {
            label.fields.append(Field(name: f.name, value: f.value, span: f.span, paragraph: f.paragraph))
        }
        if raw.count > label.fields.count {
            label.diagnostics.append(Diagnostic(.info, "fields.duplicates",
                                                "\(raw.count - label.fields.count) field(s) repeated verbatim were kept once"))
        }
        for field in label.fields {
            if let key = headingIndex.key(forFoldedFieldName: fold(field.name)),
               !label.sections.contains(where: { $0.key == key }) {
                var section = Section(key: key, heading: field.name, span: field.span, text: field.value)
                // The quoted text is the field's value: its lines are the value's.
                if let p = field.paragraph, p.text == field.value { section.paragraphs = [p] }
                label.sections.append(section)
            }
        }
        label.metadata = MetadataBuilder(catalogue: catalogue, rules: metadata).form(fields: label.fields)
    }
}
