/// The source line of a place in a section's text.
///
/// A section the parser read keeps its paragraphs, each knowing where its lines start, and its
/// text is those paragraphs one a line: the place's paragraph and line are looked up, not
/// searched for. Only a section without them (decoded from JSON, or an application's field
/// freed of a block laid inside it, whose text no longer joins its paragraphs) falls back to
/// finding the paragraph among the section's lines, then the words at that place within it.
struct SectionLines {
    private enum Source {
        /// Each paragraph with the scalar offset of its start in the section's text.
        case paragraphs([(offset: Int, paragraph: Paragraph)])
        case search(Search)
    }

    private let source: Source

    init(_ section: Section, lines: [SourceLine], locator given: LineLocator? = nil) {
        var placed: [(offset: Int, paragraph: Paragraph)] = []
        var offset = 0
        for p in section.paragraphs {
            placed.append((offset, p))
            offset += p.text.unicodeScalars.count + 1
        }
        // The paragraphs are the text exactly when they have its length and its line breaks.
        if !placed.isEmpty, offset - 1 == section.text.unicodeScalars.count,
           section.paragraphs.count == section.text.utf8.lazy.filter({ $0 == 0x0A }).count + 1 {
            source = .paragraphs(placed)
        } else {
            source = .search(Search(section, lines: lines, locator: given ?? LineLocator(lines: lines)))
        }
    }

    /// The line of the text at `offset` (a scalar offset into the section's text), where
    /// `snippet` (the words there, with a few before them) is written.
    func line(at offset: Int, snippet: String) -> Int {
        switch source {
        case .paragraphs(let placed):
            var lo = 0, hi = placed.count
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if placed[mid].offset <= offset { lo = mid } else { hi = mid }
            }
            let (start, paragraph) = placed[lo]
            let at = max(0, offset - start)
            return paragraph.span(of: at..<at + 1).startLine
        case .search(let search):
            return search.line(at: offset, snippet: snippet)
        }
    }

    /// The paragraph is found among the section's lines, then the snippet within it.
    private struct Search {
        let locator: LineLocator
        let spanText: LineLocator.SpanText
        let fallback: Int
        /// Per paragraph: where it starts in the section's text (scalar offset), and where it was
        /// found in the span's text (nil when the text was repaired or moved).
        var paragraphs: [(offset: Int, found: Int?)] = []
        let scalars: [Unicode.Scalar]

        init(_ section: Section, lines: [SourceLine], locator: LineLocator) {
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

        /// A paragraph that is not in the lines as one piece is searched for the snippet alone.
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
}
