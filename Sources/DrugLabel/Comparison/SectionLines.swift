/// The source line of a place in a section's text: its paragraph is found among the section's
/// lines, then the words at that place within the paragraph.
struct SectionLines {
    private let locator: LineLocator
    private let spanText: LineLocator.SpanText
    private let fallback: Int
    /// Per paragraph: where it starts in the section's text (scalar offset), and where it was
    /// found in the span's text (nil when the text was repaired or moved).
    private var paragraphs: [(offset: Int, found: Int?)] = []
    private let scalars: [Unicode.Scalar]

    init(_ section: Section, lines: [SourceLine], locator given: LineLocator? = nil) {
        let locator = given ?? LineLocator(lines: lines)
        self.locator = locator
        spanText = locator.text(of: section.span)
        fallback = section.span.startLine
        scalars = Array(section.text.unicodeScalars)
        var offset = 0, cursor = 0
        for paragraph in section.text.split(separator: "\n", omittingEmptySubsequences: false) {
            var probe = cursor
            let found = locator.locate(String(paragraph), in: spanText, from: &probe)
            let start = found == nil ? nil : probe - paragraph.unicodeScalars.filter { !LineLocator.isSpace($0) }.count
            if found != nil { cursor = probe }
            paragraphs.append((offset, start))
            offset += paragraph.unicodeScalars.count + 1
        }
    }

    /// The line of the text at `offset`, where `snippet` (the words there, with a few before
    /// them) is written. A paragraph that is not in the lines as one piece (a field value the
    /// parser freed of a block laid inside it) is searched for the snippet alone.
    func line(at offset: Int, snippet: String) -> Int {
        guard let p = paragraphs.last(where: { $0.offset <= offset }) else { return fallback }
        var cursor = 0
        if let start = p.found {
            let before = scalars[min(p.offset, scalars.count)..<min(offset, scalars.count)].filter { !LineLocator.isSpace($0) }.count
            cursor = max(0, start + before - snippet.unicodeScalars.count)
        }
        return locator.locate(snippet, in: spanText, from: &cursor)?.startLine ?? fallback
    }
}
