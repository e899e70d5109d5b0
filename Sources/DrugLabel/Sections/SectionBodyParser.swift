/// Turns the lines of a section body into its text, subsections and numbered items.
struct SectionBodyParser {
    let joiner: WrapJoiner

    struct Body {
        var text: String
        var paragraphs: [Paragraph]
        var subsections: [Subsection]
        var items: [Item]
    }

    /// `tables` are the spans of the tables in these lines: a table's group rows and grade rows
    /// are short lines too, and are not subsection titles.
    func parse(_ lines: [SourceLine], tables: [SourceSpan] = []) -> Body {
        parse(lines, tables: CoveredLines(tables))
    }

    func parse(_ lines: [SourceLine], tables: CoveredLines) -> Body {
        parse(lines[...], tables: tables)
    }

    func parse(_ lines: ArraySlice<SourceLine>, tables: CoveredLines) -> Body {
        let paragraphs = joiner.paragraphs(lines)
        let titles = subsectionTitles(paragraphs).filter { !tables.contains(paragraphs[$0].span.startLine) }
        var subsections: [Subsection] = []
        for (n, t) in titles.enumerated() {
            let end = n + 1 < titles.count ? titles[n + 1] : paragraphs.count
            let body = paragraphs[(t + 1)..<end]
            let span = body.reduce(paragraphs[t].span) { $0.union($1.span) }
            subsections.append(Subsection(heading: paragraphs[t].text,
                                          text: body.joinedLines(\.text), span: span))
        }
        let items = paragraphs.compactMap { p -> Item? in
            guard let marker = ItemMarker.parse(p.text) else { return nil }
            return Item(marker: marker.marker, text: String(marker.rest), span: p.span)
        }
        return Body(text: paragraphs.joinedLines(\.text), paragraphs: paragraphs,
                    subsections: subsections, items: items)
    }

    /// A subsection title is a short line of its own with no sentence punctuation, followed by
    /// body text (a wrapped paragraph, a full sentence or a bullet) — possibly after one more
    /// title (`重要注意事项` / `继发性恶性肿瘤` / text). Table rows and group labels are followed by
    /// more short lines, so they are not titles.
    private func subsectionTitles(_ paragraphs: [Paragraph]) -> [Int] {
        var result: [Int] = []
        var i = 0
        while i < paragraphs.count {
            guard isTitleCandidate(paragraphs[i]) else { i += 1; continue }
            if i + 1 < paragraphs.count, isBody(paragraphs[i + 1]) {
                result.append(i)
                i += 2
            } else if i + 2 < paragraphs.count, isTitleCandidate(paragraphs[i + 1]), isBody(paragraphs[i + 2]) {
                result.append(contentsOf: [i, i + 1])
                i += 3
            } else {
                i += 1
            }
        }
        return result
    }

    private static let punctuation = ScalarSet("，。；：！？,;:!?、%％")
    private static let conjunctions = ScalarSet("或和及与的")

    private func isTitleCandidate(_ p: Paragraph) -> Bool {
        guard p.lineCount == 1, p.text.utf8.count <= 90 else { return false }
        let text = p.text
        // The text's own width: a paragraph's width is its printed line's, and the text after a
        // heading (`【用法用量】慢性淋巴细胞白血病`) shares its line with the heading.
        let width = DisplayWidth.of(text)
        guard width >= 4, width <= 30, !joiner.startsBlock(text) else { return false }
        let scalars = text.unicodeScalars
        // One pass for what the tests below count (filtering the scalars into arrays to count
        // the brackets was most of this test's cost, asked of every short paragraph).
        var wide = false, opens = 0, closes = 0
        for s in scalars {
            if SectionBodyParser.punctuation.contains(s) { return false }
            if DisplayWidth.isWide(s.value) { wide = true }
            if s == "（" || s == "(" { opens += 1 } else if s == "）" || s == ")" { closes += 1 }
        }
        guard wide, let last = scalars.last, last.properties.numericType == nil, last != "）", last != ")" else { return false }
        // A wrapped table cell (`药时间不短于 1 小时（不超过`, `…（CVVHD）或`) is cut mid-phrase.
        if opens != closes || SectionBodyParser.conjunctions.contains(last) { return false }
        // `c. Kaplan-Meier 估计` is a table footnote.
        if let first = scalars.first, ("a"..."z").contains(first), scalars.dropFirst().first == "." { return false }
        // `发热 100 46 86 16`, `疲劳 a - - 46 3`: a table row has several short tokens.
        return text.utf8.reduce(0) { $1 == 0x20 ? $0 + 1 : $0 } <= 2
    }

    private func isBody(_ p: Paragraph) -> Bool {
        if p.lineCount > 1 || joiner.startsWithBullet(p.text) || joiner.endsSentence(p.text) { return true }
        return p.width >= joiner.layout.fullWidth
    }
}
