/// Splits a label into its preamble, boxed warning and sections.
struct LabelSegmenter {
    let fold: TextFold
    let rules: TextRules
    let catalogue: SectionCatalogue
    let layout: Layout
    let tableRules: TableRules

    struct Result {
        var preamble: Preamble
        var boxedWarning: BoxedWarning?
        var sections: [Section]
        /// Each section's paragraphs, for the extractors that read line by line.
        var paragraphs: [[Paragraph]]
        var tables: [Table]
        var diagnostics: [Diagnostic]
    }

    func segment(_ lines: [SourceLine], headings: [HeadingLine]) -> Result {
        var diagnostics: [Diagnostic] = []
        let finder = BoxedWarningFinder(titles: catalogue.boxedWarning.titles.map(fold.fold), fold: fold, rules: rules)
        let firstHeading = headings.first?.index ?? lines.count
        var preambleLines = Array(lines[..<firstHeading])
        var warning: BoxedWarning?
        if let found = finder.find(in: preambleLines, requireBullets: false) {
            warning = found.warning
            preambleLines = preambleLines.enumerated().filter { !found.lines.contains($0.offset) }.map(\.element)
        }

        var bodies: [[SourceLine]] = []
        for (n, heading) in headings.enumerated() {
            let end = n + 1 < headings.count ? headings[n + 1].index : lines.count
            // A heading wrapped onto the next line (`【用法` / `用量】`) may end where the next
            // heading starts, when half-read text makes both look like one: its body is empty.
            var body = Array(lines[min(heading.endIndex + 1, end)..<end])
            if !heading.rest.isEmpty {
                body.insert(SourceLine(number: lines[heading.endIndex].number, text: heading.rest), at: 0)
            }
            if warning == nil, let found = finder.find(in: body, requireBullets: true) {
                warning = found.warning
                body = body.enumerated().filter { !found.lines.contains($0.offset) }.map(\.element)
                diagnostics.append(Diagnostic(.info, "segment.boxedWarningMoved",
                                              "the boxed warning was laid inside 【\(heading.heading)】; it was taken out and the text around it joined again",
                                              line: found.warning.span.startLine))
            }
            bodies.append(body)
        }

        let joiner = WrapJoiner(layout: layout, rules: rules)
        let found = TableExtractor(rules: tableRules, joiner: joiner).extract(bodies: bodies, keys: headings.map(\.key))
        diagnostics += found.diagnostics
        let parser = SectionBodyParser(joiner: joiner)
        var sections: [Section] = []
        var paragraphs: [[Paragraph]] = []
        for (heading, bodyLines) in zip(headings, bodies) {
            let body = parser.parse(bodyLines, tables: found.tables.map(\.span))
            paragraphs.append(body.paragraphs)
            let headingLine = lines[heading.index].number
            let end = bodyLines.last(where: { !$0.isBlank })?.number ?? headingLine
            var section = Section(key: heading.key, heading: heading.heading,
                                  span: SourceSpan(startLine: headingLine, endLine: max(end, headingLine)),
                                  text: body.text, subsections: body.subsections, items: body.items)
            section.paragraphs = body.paragraphs
            sections.append(section)
            if heading.key == nil {
                diagnostics.append(Diagnostic(.warning, "segment.unknownHeading",
                                              "【\(heading.heading)】 is not in the section catalogue; kept with key null",
                                              line: headingLine))
            }
            if body.text.isEmpty {
                diagnostics.append(Diagnostic(.warning, "segment.emptySection",
                                              "【\(heading.heading)】 has no text", line: headingLine))
            }
        }
        let preamble = Preamble(lines: preambleLines, fold: fold)
        if let first = preamble.unread.first {
            let shown = preamble.unread.prefix(3).map { "“\($0.text)”" }.joined(separator: ", ")
            diagnostics.append(Diagnostic(.info, "segment.preambleUnread",
                                          "\(preamble.unread.count) line(s) before the first section are not title, notice, dates or warning and are not in the output: \(shown)",
                                          line: first.number))
        }
        return Result(preamble: preamble, boxedWarning: warning,
                      sections: sections, paragraphs: paragraphs, tables: found.tables, diagnostics: diagnostics)
    }
}
