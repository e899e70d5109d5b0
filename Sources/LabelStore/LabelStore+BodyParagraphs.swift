import DrugLabel

extension LabelStore {
    /// A document without sections (an article) cut at its blank lines as the index cuts it,
    /// each paragraph with its first line: the label page anchors these, so a hit's
    /// `paragraphLine` is on the page.
    public static func bodyParagraphs(_ lines: [SourceLine]) -> [(text: String, line: Int)] {
        SearchableText.blankSeparated(lines).map { ($0.text, $0.span.startLine) }
    }
}
