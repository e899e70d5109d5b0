/// A package insert: segmented at its headings, its tables read from the section bodies, then
/// the sections, the metadata and the doses.
struct LabelAssembler: DocumentAssembler {
    let rules: RuleSet
    let fold: TextFold

    func assemble(_ lines: [SourceLine], scan: HeadingScanner.Scan, layout: Layout,
                  into label: inout Label) -> [(text: String, span: SourceSpan)] {
        let segmented = LabelSegmenter(fold: fold, rules: rules.text, catalogue: rules.catalogue)
            .segment(scan.lines, headings: scan.headings)
        // The segmenter reads the preamble with the bundled metadata rules: read it again with
        // this parser's (dates, title, notice), and say what it leaves unread from that reading.
        let preamble = segmented.preamble.reading(with: rules.metadata, fold: fold)
        let joiner = WrapJoiner(layout: layout, rules: rules.text)
        let tables = TableExtractor(rules: rules.tables, joiner: joiner)
            .extract(bodies: segmented.bodies, keys: segmented.headings.map(\.key))
        let built = SectionBuilder(joiner: joiner).build(segmented, lines: scan.lines, tableSpans: tables.tables.map(\.span))
        label.title = preamble.title
        label.boxedWarning = segmented.boxedWarning
        label.sections = built.sections
        label.tables = tables.tables
        label.metadata = MetadataBuilder(catalogue: rules.catalogue, rules: rules.metadata, fold: { [fold] in fold($0) })
            .label(preamble: preamble, sections: built.sections, paragraphs: built.paragraphs)
        label.diagnostics += segmented.diagnostics + tables.diagnostics + built.diagnostics + preamble.diagnostics
        let units = TextUnit.units(sections: built.sections, paragraphs: built.paragraphs, tables: tables.tables)
        (label.doses, label.quantities) = DoseExtractor(rules: rules.dosing)
            .extract(units, lines: lines, product: label.metadata.genericName)
        return built.paragraphs.flatMap { $0 }.map { ($0.text, $0.span) }
    }
}
