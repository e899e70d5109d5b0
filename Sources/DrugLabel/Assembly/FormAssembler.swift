/// An application form or a slide deck: named fields, read as a form, and the doses they state.
struct FormAssembler: DocumentAssembler {
    let rules: RuleSet
    let fold: TextFold
    let headingIndex: HeadingIndex
    /// Made once, as the label assembler's.
    private let doseExtractor: DoseExtractor

    init(rules: RuleSet, fold: TextFold, headingIndex: HeadingIndex) {
        self.rules = rules
        self.fold = fold
        self.headingIndex = headingIndex
        doseExtractor = DoseExtractor(rules: rules.dosing)
    }

    func assemble(_ lines: [SourceLine], scan: HeadingScanner.Scan, layout: Layout,
                  into label: inout Label) -> DefinitionText {
        FormReader(vocabulary: rules.vocabulary, catalogue: rules.catalogue, headingIndex: headingIndex, fold: fold,
                   metadata: rules.metadata, markup: rules.text.html)
            .read(lines, kind: label.kind, into: &label)
        (label.doses, label.quantities) = doseExtractor
            .extract(TextUnit.units(sections: label.sections), lines: lines, product: label.metadata.genericName)
        return .texts(label.fields.map { ($0.value, $0.span) })
    }
}
