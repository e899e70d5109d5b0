/// Decides what a document is from evidence in its text — section headings, form field names,
/// Markdown structure — and says why in an `info` diagnostic. How much evidence makes each kind
/// and the words that say form or abstract are form-fields.json's `classifier`.
struct DocumentClassifier {
    let vocabulary: FormVocabulary

    /// - Parameters:
    ///   - bare: headings without brackets, found in `shape` (one a line, flattened, a pipe table).
    func classify(_ lines: [SourceLine], bracketed: [HeadingLine], bare: [HeadingLine],
                  shape: UnbracketedHeadings.Shape? = nil) -> (DocumentKind, Diagnostic) {
        let evidence = vocabulary.evidence
        let bracketedKeys = Set(bracketed.compactMap(\.key))
        if bracketedKeys.count >= evidence.minimumLabelSections {
            return (.label, Diagnostic(.info, "classify.label",
                                       "label: \(bracketed.count) 【】 headings, \(bracketedKeys.count) of them catalogue sections"))
        }
        let content = lines.filter { !$0.isBlank }
        let markdownHeadings = content.filter { $0.text.utf8.first == UInt8(ascii: "#") }.count
        let fieldRows = content.filter { line in
            line.text.utf8.contains(UInt8(ascii: "\t")) && vocabulary.mayStartName(line.text) && vocabulary.match(FoldedText([line.text]), at: 0) != nil
        }.count
        if markdownHeadings >= evidence.minimumSlideHeadings && fieldRows >= evidence.minimumSlideFieldRows {
            return (.slides, Diagnostic(.info, "classify.slides",
                                        "slides: \(markdownHeadings) Markdown headings and \(fieldRows) table row(s) of form fields"))
        }
        let fieldLines = content.filter {
            vocabulary.mayStartName($0.text) && vocabulary.match(FoldedText([$0.text]), at: 0) != nil
        }.count
        // Folded: a form in Traditional characters says 申報.
        if fieldLines >= evidence.minimumFieldLines, content.contains(where: { line in
            let folded = line.folded
            return evidence.applicationWords.contains { folded.firstRange(of: $0) != nil }
        }) {
            return (.application, Diagnostic(.info, "classify.application",
                                             "application form: \(fieldLines) lines start with a form field name"))
        }
        // A few sections and nothing that says form or slides: an excerpt of a label.
        if !bracketedKeys.isEmpty {
            return (.label, Diagnostic(.info, "classify.label",
                                       "label excerpt: \(bracketedKeys.count) catalogue section(s) in 【】 and no form fields"))
        }
        let bareKeys = Set(bare.compactMap(\.key))
        // A heading alone on its line is weak evidence (a short line of prose may be one); a
        // colon after it in a row of them, or a table of them, is strong.
        let needed = shape == nil || shape == .lines
            ? evidence.minimumLabelSections + evidence.extraSectionsForBareLines : evidence.minimumLabelSections
        if bareKeys.count >= needed {
            return (.label, Diagnostic(.info, "classify.label",
                                       "label without brackets: \(bareKeys.count) catalogue sections, headings found as \((shape ?? .lines).rawValue)"))
        }
        if content.count >= evidence.minimumArticleLines {
            let abstract = content.prefix(evidence.abstractWithinLines).contains { line in
                let folded = line.folded
                return evidence.abstractWords.contains { folded.contains($0) }
            }
            return (.article, Diagnostic(.info, "classify.article",
                                         "article: \(content.count) lines of prose, no label sections\(abstract ? ", an abstract" : "")"))
        }
        return (.unknown, Diagnostic(.info, "classify.unknown",
                                     "no label sections, form fields or prose enough to tell what this is"))
    }
}
