import DrugLabel

/// Every text of a document that search can find, as sections of paragraphs with the line each
/// of their physical lines starts at, in document order:
/// - a label: its boxed warning (key `boxed_warning`, the catalogue's), then its sections;
/// - an application or slides: the label sections they quote, and every other field, one
///   section each (no key, the field's name as heading);
/// - an article (or a document of no known kind): its paragraphs, in one section without a key.
struct SearchableText {
    /// As DrugLabel's `Paragraph.LineStart`: a source line's first scalar in the text.
    struct LineStart {
        var offset: Int
        var line: Int
    }

    struct Paragraph {
        var text: String
        var span: SourceSpan
        /// The first at offset 0.
        var lineStarts: [LineStart]
    }

    struct Part {
        var key: String?
        var heading: String
        var span: SourceSpan
        var paragraphs: [Paragraph]
    }

    /// The heading of an article's one section.
    static let bodyHeading = "正文"

    static func parts(of label: Label, lines: [SourceLine], boxedWarningKey: String = SectionCatalogue.standard.boxedWarning.key) -> [Part] {
        var parts: [Part] = []
        for section in label.sections {
            parts.append(Part(key: section.key, heading: section.heading, span: section.span, paragraphs: paragraphs(of: section, lines: lines)))
        }
        switch label.kind {
        case .label:
            break
        case .application, .slides:
            for field in label.fields where !label.sections.contains(where: { $0.span == field.span && $0.heading == field.name }) {
                var cursor = LineStartLocator(lines: lines, span: field.span)
                let texts = field.value.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                parts.append(Part(key: nil, heading: field.name, span: field.span, paragraphs: texts.map { cursor.paragraph($0) }))
            }
        case .article, .unknown:
            let body = blankSeparated(lines)
            if let first = body.first, let last = body.last {
                parts.append(Part(key: nil, heading: bodyHeading, span: SourceSpan(startLine: first.span.startLine, endLine: last.span.endLine),
                                  paragraphs: body))
            }
        }
        // Document order: an application's quoted sections and other fields interleave.
        parts = parts.enumerated().sorted { ($0.element.span.startLine, $0.offset) < ($1.element.span.startLine, $1.offset) }.map(\.element)
        // The boxed warning goes where its lines are: usually before the first section.
        if let box = label.boxedWarning {
            var cursor = LineStartLocator(lines: lines, span: box.span)
            // Its title is searched too: it often names the risks (`警告：细胞因子释放综合征…`).
            let part = Part(key: boxedWarningKey, heading: box.title, span: box.span,
                            paragraphs: ([box.title] + box.items).filter { !$0.isEmpty }.map { cursor.paragraph($0) })
            parts.insert(part, at: parts.firstIndex { $0.span.startLine > box.span.startLine } ?? parts.count)
        }
        return parts
    }

    /// A section's paragraphs as the segmenter made them, or, for a section made from a
    /// quoted field (which has none), its text's lines found in its span.
    private static func paragraphs(of section: Section, lines: [SourceLine]) -> [Paragraph] {
        if !section.paragraphs.isEmpty, section.paragraphs.map(\.text).joined(separator: "\n") == section.text {
            return section.paragraphs.filter { !$0.text.isEmpty }.map { Paragraph(text: $0.text, span: $0.span, lineStarts: $0.lineStarts.map { LineStart(offset: $0.offset, line: $0.line) }) }
        }
        var cursor = LineStartLocator(lines: lines, span: section.span)
        return section.text.split(separator: "\n", omittingEmptySubsequences: true).map { cursor.paragraph(String($0)) }
    }

    /// Lines joined into paragraphs at blank lines: an article's text has no sections to cut
    /// it. Latin words wrapped at a line end get their space back.
    static func blankSeparated(_ lines: [SourceLine]) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: Paragraph?
        var scalars = 0
        for line in lines {
            if line.isBlank {
                if let c = current { result.append(c) }
                current = nil
                continue
            }
            if var c = current {
                let space = needsSpace(c.text.unicodeScalars.last, line.text.unicodeScalars.first) ? " " : ""
                c.text += space
                scalars += space.count
                c.lineStarts.append(.init(offset: scalars, line: line.number))
                c.text += line.text
                scalars += line.text.unicodeScalars.count
                c.span = SourceSpan(startLine: c.span.startLine, endLine: line.number)
                current = c
            } else {
                current = Paragraph(text: line.text, span: line.span, lineStarts: [.init(offset: 0, line: line.number)])
                scalars = line.text.unicodeScalars.count
            }
        }
        if let c = current { result.append(c) }
        return result
    }

    private static func needsSpace(_ a: Unicode.Scalar?, _ b: Unicode.Scalar?) -> Bool {
        guard let a, let b else { return false }
        return a.value < 0x80 && b.value < 0x80 && a != "-"
    }
}

/// Finds, line by line, where a paragraph's text came from in the lines of a span: texts that
/// joined wrapped lines (a field's value, a boxed warning's item) are looked up with white space
/// removed on both sides, each after the previous one. A text not found verbatim (repaired or
/// reordered) gets the span's first line.
struct LineStartLocator {
    private var text: [Unicode.Scalar] = []
    private var owner: [Int] = []
    private var cursor = 0
    private let span: SourceSpan

    init(lines: [SourceLine], span: SourceSpan) {
        self.span = span
        for line in lines.lines(in: span) {
            for s in line.text.unicodeScalars where !LineStartLocator.isSpace(s) {
                text.append(s)
                owner.append(line.number)
            }
        }
    }

    mutating func paragraph(_ paragraph: String) -> SearchableText.Paragraph {
        let scalars = Array(paragraph.unicodeScalars)
        let key = scalars.filter { !LineStartLocator.isSpace($0) }
        let fallback = SearchableText.Paragraph(text: paragraph, span: SourceSpan(line: span.startLine),
                                                lineStarts: [.init(offset: 0, line: span.startLine)])
        guard let at = find(key, from: cursor) ?? find(key, from: 0) else { return aligned(scalars) ?? fallback }
        cursor = at + key.count
        var starts: [SearchableText.LineStart] = [.init(offset: 0, line: owner[at])]
        var k = at
        for (offset, s) in scalars.enumerated() where !LineStartLocator.isSpace(s) {
            if owner[k] != starts[starts.count - 1].line { starts.append(.init(offset: offset, line: owner[k])) }
            k += 1
        }
        return SearchableText.Paragraph(text: paragraph, span: SourceSpan(startLine: owner[at], endLine: owner[at + key.count - 1]),
                                        lineStarts: starts)
    }

    /// A text not found verbatim (a value whose lines the reader repaired or reordered): each
    /// of its characters is looked for a little ahead of the last one found, so that the lines
    /// of the parts that did come through verbatim are still known. Nil when little matches.
    private mutating func aligned(_ scalars: [Unicode.Scalar]) -> SearchableText.Paragraph? {
        var k = cursor
        var starts: [SearchableText.LineStart] = []
        var matched = 0, total = 0
        for (offset, s) in scalars.enumerated() where !LineStartLocator.isSpace(s) {
            total += 1
            guard let j = text[k..<min(text.count, k + 64)].firstIndex(of: s) else { continue }
            matched += 1
            if starts.last?.line != owner[j] { starts.append(.init(offset: starts.isEmpty ? 0 : offset, line: owner[j])) }
            k = j + 1
        }
        guard total > 0, matched * 2 >= total, let first = starts.first, let last = starts.last else { return nil }
        cursor = k
        return SearchableText.Paragraph(text: String(String.UnicodeScalarView(scalars)),
                                        span: SourceSpan(startLine: first.line, endLine: max(first.line, last.line)), lineStarts: starts)
    }

    private func find(_ key: [Unicode.Scalar], from: Int) -> Int? {
        KMP.find(key, in: text, from: from)
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || s == "\t" || s == "\n" || s == "\r" }
        if (0x4E00...0x9FFF).contains(s.value) { return false }
        return s.properties.isWhitespace
    }
}
