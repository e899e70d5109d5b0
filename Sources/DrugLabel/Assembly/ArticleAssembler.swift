/// An article, or a document of no known kind: nothing is segmented, but its paragraphs still
/// define terms.
struct ArticleAssembler: DocumentAssembler {
    let rules: TextRules

    func assemble(_ lines: [SourceLine], scan: HeadingScanner.Scan, layout: Layout,
                  into label: inout Label) -> DefinitionText {
        label.diagnostics.append(Diagnostic(.warning, "segment.noSections",
                                            "no label sections (【】 headings) were found; nothing was segmented"))
        return .texts(WrapJoiner(layout: layout, rules: rules).paragraphs(lines).map { ($0.text, $0.span) })
    }
}
