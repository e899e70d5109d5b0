/// Splits a label into its preamble, boxed warning and the body lines under each heading. The
/// tables are read from the bodies next, and `SectionBuilder` then makes the sections.
struct LabelSegmenter {
    let fold: TextFold
    let rules: TextRules
    let catalogue: SectionCatalogue
    let metadata: MetadataRules
    /// Known from the document's structure, or nil to measure it (see `BoxedWarningFinder`).
    var layout: Layout? = nil

    struct Result {
        var preamble: Preamble
        var boxedWarning: BoxedWarning?
        var headings: [HeadingLine]
        /// The lines under each heading, with the boxed warning taken out: slices of the lines
        /// given, by their indices there. A copy of each body cost a tenth of a large parse's
        /// fresh memory and a retain of every line's text.
        var bodies: [ArraySlice<SourceLine>]
        /// What was found while cutting the bodies (a boxed warning moved out of a section).
        var diagnostics: [Diagnostic]
    }

    func segment(_ lines: [SourceLine], headings: [HeadingLine]) -> Result {
        var diagnostics: [Diagnostic] = []
        let finder = BoxedWarningFinder(titles: catalogue.boxedWarning.titles.map(fold.fold), fold: fold, rules: rules, metadata: metadata,
                                        layout: layout)
        let firstHeading = headings.first?.index ?? lines.count
        var preambleLines = Array(lines[..<firstHeading])
        var warning: BoxedWarning?
        if let found = finder.find(in: preambleLines, requireBullets: false) {
            warning = found.warning
            preambleLines = preambleLines.enumerated().filter { !found.lines.contains($0.offset) }.map(\.element)
        }

        // Each body is a slice of the lines, or its own lines where the heading's line goes on
        // after it; the boxed warning is looked for after, in order, as in one pass.
        var bodies = headings.indices.map { n -> ArraySlice<SourceLine> in
            let heading = headings[n]
            let end = n + 1 < headings.count ? headings[n + 1].index : lines.count
            // A heading wrapped onto the next line (`【用法` / `用量】`) may end where the next
            // heading starts, when half-read text makes both look like one: its body is empty.
            let body = lines[min(heading.endIndex + 1, end)..<end]
            guard !heading.rest.isEmpty else { return body }
            // The rest keeps its line's width: whether it ran to the margin (and so wraps onto
            // the next line) is a fact of the printed line, heading included.
            let line = lines[heading.endIndex]
            return ([SourceLine(number: line.number, text: heading.rest, width: line.width, trailingSpace: line.trailingSpace)] + body)[...]
        }
        for (n, heading) in headings.enumerated() where warning == nil {
            let body = bodies[n]
            if let found = finder.find(in: body, requireBullets: true) {
                warning = found.warning
                bodies[n] = body.indices.filter { !found.lines.contains($0) }.map { body[$0] }[...]
                diagnostics.append(Diagnostic(.info, "segment.boxedWarningMoved",
                                              "the boxed warning was laid inside 【\(heading.heading)】; it was taken out and the text around it joined again",
                                              line: found.warning.span.startLine))
            }
        }

        let preamble = Preamble(lines: preambleLines, fold: fold, rules: metadata)
        return Result(preamble: preamble, boxedWarning: warning, headings: headings, bodies: bodies, diagnostics: diagnostics)
    }
}
