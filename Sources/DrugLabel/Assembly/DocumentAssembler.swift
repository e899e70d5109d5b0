/// The last stage for one kind of document: fills the label from its lines and the headings
/// found, and gives back the text in which the document defines its abbreviations.
protocol DocumentAssembler {
    func assemble(_ lines: [SourceLine], scan: HeadingScanner.Scan, layout: Layout,
                  into label: inout Label) -> DefinitionText
}
