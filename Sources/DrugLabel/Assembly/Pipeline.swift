/// The parse as stage values composed in one direction: decode → normalize → headings →
/// classify → the assembler of the document's kind (segment → tables → sections → extract) →
/// abbreviations. `LabelParser` runs it, and `Benchmark` times the same values.
struct Pipeline {
    let decoder = TextDecoder()
    let reader = DocumentReader()
    let normalizer: Normalizer
    let headings: HeadingScanner
    let classifier: DocumentClassifier
    var label: LabelAssembler
    let form: FormAssembler
    let article: ArticleAssembler
    let abbreviations: AbbreviationReader

    init(rules: RuleSet, fold: TextFold, headingIndex: HeadingIndex) {
        normalizer = Normalizer(rules: rules.text)
        headings = HeadingScanner(detector: HeadingDetector(index: headingIndex, fold: fold, rules: rules.text))
        classifier = DocumentClassifier(vocabulary: rules.vocabulary)
        label = LabelAssembler(rules: rules, fold: fold)
        form = FormAssembler(rules: rules, fold: fold, headingIndex: headingIndex)
        article = ArticleAssembler(rules: rules.text)
        abbreviations = AbbreviationReader(leadWords: rules.text.abbreviationLeadWords)
    }

    /// Everything after normalizing: the headings found, the document classified and read by
    /// the assembler of its kind.
    /// `structure` is what a PDF, .docx or web page reader knew of the document beyond its
    /// text: where each line was, the document's own tables.
    func assemble(_ lines: [SourceLine], source: SourceInfo, diagnostics: [Diagnostic], structure: ReadDocument? = nil) -> Label {
        let scan = headings.scan(lines)
        let (kind, reason) = classifier.classify(lines, bracketed: scan.bracketed, bare: scan.plain?.headings ?? [],
                                                 shape: scan.plain?.shape)
        var document = Label(source: source, kind: kind)
        document.diagnostics = diagnostics + [reason]
        let assembler: any DocumentAssembler = switch kind {
        case .label: label
        case .application, .slides: form
        case .article, .unknown: article
        }
        var layout: Layout
        switch structure?.format {
        case .docx?, .html?: layout = .paragraphs(grids: structure?.grids ?? [])
        default:
            // A PDF's lines are the page's lines, wrapped as the page wrapped them: measured.
            layout = Layout(measuring: lines)
            layout.grids = structure?.grids ?? []
        }
        document.origins = structure?.origins
        let definitions = assembler.assemble(lines, scan: scan, layout: layout, into: &document)
        // Every definition the document makes, whatever its kind: an article defines terms too.
        // Each paragraph is read on its own, so runs of them are read on all cores; the first
        // definition of each pair is kept, in the order of the document, as one pass keeps it.
        // In runs finer than the pieces, as the label's tables and doses are, so that the last
        // run to finish leaves the other cores idle for less.
        let pieces = kind == .label && label.pieces(lines) > 1 ? label.pieces(lines) * LabelAssembler.runsPerPiece : 1
        let abbreviations = self.abbreviations
        let found: [[Abbreviation]]
        switch definitions {
        case .texts(let texts):
            found = texts.runs(about: pieces, weight: { $0.text.utf8.count }) { _, _ in true }.orderedConcurrentMap { run in
                run.flatMap { abbreviations.read($0.text, span: $0.span) }
            }
        case .sectionParagraphs:
            let sections = document.sections
            found = Array(sections.indices).runs(about: pieces, weight: { sections[$0].text.utf8.count }) { _, _ in true }
                .orderedConcurrentMap { run in
                    run.flatMap { i in sections[i].paragraphs.flatMap { abbreviations.read($0.text, span: $0.span) } }
                }
        }
        // Seen by the pair itself: a key string made for each of a 50 MB label's tens of
        // thousands of definitions was a serial 20 ms.
        struct Pair: Hashable { let short: String, long: String }
        var seen = Set<Pair>()
        for a in found.joined() where seen.insert(Pair(short: a.short, long: a.long)).inserted {
            document.abbreviations.append(a)
        }
        return document
    }
}
