/// The sections of a label from the body lines under its headings: paragraphs, subsections
/// and items, each with its lines. Lines that the table stage read as a table are given as
/// spans, so the sections need nothing of tables but where they are.
struct SectionBuilder {
    let joiner: WrapJoiner

    struct Result {
        /// Each keeps its paragraphs, for the extractors that read line by line.
        var sections: [Section]
        var diagnostics: [Diagnostic]
    }

    /// A section's body parsed, given the spans of the tables in it: a table lies within its
    /// section's body, so a body's own tables are all its lines need. The assembler reads a
    /// body's tables and then the body on one core, while the lines are still in its cache and
    /// with no wait for the slowest run of tables.
    func parse(_ body: ArraySlice<SourceLine>, tableSpans: [SourceSpan]) -> SectionBodyParser.Body {
        SectionBodyParser(joiner: joiner).parse(body, tables: CoveredLines(tableSpans))
    }

    /// The sections, from each body of `segmented` parsed (`parse`), in order.
    func build(_ segmented: LabelSegmenter.Result, lines: [SourceLine], parsed bodies: [SectionBodyParser.Body]) -> Result {
        var result = Result(sections: [], diagnostics: [])
        result.sections.reserveCapacity(bodies.count)
        for ((heading, bodyLines), body) in zip(zip(segmented.headings, segmented.bodies), bodies) {
            let headingLine = lines[heading.index].number
            let end = bodyLines.last(where: { !$0.isBlank })?.number ?? headingLine
            var section = Section(key: heading.key, heading: heading.heading,
                                  span: SourceSpan(startLine: headingLine, endLine: max(end, headingLine)),
                                  text: body.text, subsections: body.subsections, items: body.items)
            section.paragraphs = body.paragraphs
            result.sections.append(section)
            if heading.key == nil {
                result.diagnostics.append(Diagnostic(.warning, "segment.unknownHeading",
                                                     "【\(heading.heading)】 is not in the section catalogue; kept with key null",
                                                     line: headingLine))
            }
            if body.text.isEmpty {
                result.diagnostics.append(Diagnostic(.warning, "segment.emptySection",
                                                     "【\(heading.heading)】 has no text", line: headingLine))
            }
        }
        return result
    }
}
