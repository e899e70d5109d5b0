import Foundation

/// A package insert: segmented at its headings, its tables read from the section bodies, then
/// the sections, the metadata and the doses.
struct LabelAssembler: DocumentAssembler {
    let rules: RuleSet
    let fold: TextFold
    /// Documents of at least this many lines (some 200 KB) are read in pieces on all cores:
    /// below it, starting threads costs more than it saves. Tests lower it, or turn pieces off.
    var linesForPieces: Int? = 4_000
    /// Documents of at least this many lines in their sections read their tables and bodies
    /// in runs on all cores even when read whole otherwise.
    static let linesForRuns = 400
    /// Made once: its name headings are folded from the catalogue, which cost 2.6% of indexing
    /// when made per document.
    private let metadata: MetadataBuilder
    private let doseExtractor: DoseExtractor

    init(rules: RuleSet, fold: TextFold) {
        self.rules = rules
        self.fold = fold
        metadata = MetadataBuilder(catalogue: rules.catalogue, rules: rules.metadata, fold: { [fold] in fold($0) })
        doseExtractor = DoseExtractor(rules: rules.dosing)
    }

    func assemble(_ lines: [SourceLine], scan: HeadingScanner.Scan, layout: Layout,
                  into label: inout Label) -> DefinitionText {
        let pieces = self.pieces(lines)
        let segmented = LabelSegmenter(fold: fold, rules: rules.text, catalogue: rules.catalogue, metadata: rules.metadata,
                                       layout: layout.fromStructure ? layout : nil)
            .segment(scan.lines, headings: scan.headings)
        let preamble = segmented.preamble
        let joiner = WrapJoiner(layout: layout, rules: rules.text)
        let builder = SectionBuilder(joiner: joiner)
        let (tables, parsed) = readTablesAndBodies(segmented, joiner: joiner, builder: builder, pieces: pieces)
        let built = builder.build(segmented, lines: scan.lines, parsed: parsed)
        label.title = preamble.title
        label.boxedWarning = segmented.boxedWarning
        label.sections = built.sections
        label.tables = tables.tables
        label.metadata = metadata.label(preamble: preamble, sections: built.sections, pieces: pieces)
        label.diagnostics += segmented.diagnostics + tables.diagnostics + built.diagnostics + preamble.diagnostics
        (label.doses, label.quantities) = readDoses(built.sections, tables: tables.tables, lines: lines,
                                                    product: label.metadata.genericName, pieces: pieces)
        return .sectionParagraphs
    }

    /// How many pieces to read a document in at once: one for a small document, else a few
    /// per core, so that one slow section does not leave a core idle.
    func pieces(_ lines: [SourceLine]) -> Int {
        guard let linesForPieces, lines.count >= linesForPieces else { return 1 }
        return 4 * ProcessInfo.processInfo.activeProcessorCount
    }

    /// How many runs a large document's pieces are cut in, each: a run costs little to start,
    /// and the last one to finish leaves the other cores idle.
    static let runsPerPiece = 16

    /// Each section body's tables are its own, and so are the table spans its paragraphs
    /// need: a run of bodies is read for tables and then parsed on one core, runs on all cores.
    /// A table costs far more a line than prose, which a weight by lines cannot see: runs
    /// `runsPerPiece` times finer than the pieces keep the last one from leaving a core idle (it
    /// did for a quarter of a second of a 50 MB label's parse at one run a piece, and for a
    /// tenth at four). Below `linesForRuns` a document is one run: four runs of a small label
    /// woke a second thread for each, 7% of a labels-dev parse spent in futex wake-ups and task
    /// switches; a label of some hundreds of lines with tables still reads them sooner on two
    /// cores (the seed label: a fifth sooner).
    private func readTablesAndBodies(_ segmented: LabelSegmenter.Result, joiner: WrapJoiner, builder: SectionBuilder,
                                     pieces: Int) -> (tables: (tables: [Table], diagnostics: [Diagnostic]), parsed: [SectionBodyParser.Body]) {
        let extractor = TableExtractor(rules: rules.tables, joiner: joiner)
        let keyed = Array(zip(segmented.headings.map(\.key), segmented.bodies))
        let lines = segmented.bodies.reduce(0) { $0 + $1.count }
        let runs = pieces > 1 ? LabelAssembler.runsPerPiece * pieces : lines >= LabelAssembler.linesForRuns ? 4 : 1
        var found = keyed.runs(about: runs, weight: { $0.1.count }) { _, _ in true }.orderedConcurrentMap { run in
            var read: (tables: [Table], diagnostics: [Diagnostic]) = ([], [])
            var parsed: [SectionBodyParser.Body] = []
            // Each body is parsed with its own tables' spans only: the lines a `<br>` cut from
            // one physical line share its number, and a table of the section before must not
            // cover the title that opens this one (nor may where runs are cut decide it).
            for (key, body) in run {
                let own = extractor.extract(body: body, key: key)
                read.tables += own.tables
                read.diagnostics += own.diagnostics
                parsed.append(builder.parse(body, tableSpans: own.tables.map(\.span)))
            }
            return (read, parsed)
        }
        var tables = found.map(\.0.tables), diagnostics = found.map(\.0.diagnostics), parsed = found.map(\.1)
        found = []
        return ((.joinedOnAllCores(&tables), .joinedOnAllCores(&diagnostics)), .joinedOnAllCores(&parsed))
    }

    /// The dose reader reads `TextUnit.units(sections:tables:)` in order: the paragraphs outside
    /// tables, then the prose tables' cells. It carries what a section said before (a route,
    /// who) while the section key stays the same, and starts afresh at each table cell; a
    /// cell's text is sought after the previous cell's only within one span. So runs cut where
    /// the reader starts afresh anyway (before a section whose key differs from that of the
    /// last section that gave a unit; between two tables), read on all cores, give the doses
    /// of one pass. Each run makes its own units: made all at once, before any was read, they
    /// cost a serial tenth of a second of a 50 MB label's parse, most of it faulting in fresh
    /// pages. A dosing section costs more a byte than the rest, which a weight by bytes cannot
    /// see: runs `runsPerPiece` times finer than the pieces keep the last one from leaving a
    /// core idle.
    private func readDoses(_ sections: [Section], tables: [Table], lines: [SourceLine], product: String?,
                           pieces: Int) -> (doses: [Dose], quantities: [Quantity]) {
        let extractor = doseExtractor
        let inTable = CoveredLines(tables.map(\.span))
        var jobs: [(sections: Range<Int>, tables: Range<Int>)]
        if pieces <= 1 {
            jobs = [(sections.indices, tables.indices)]
        } else {
            var cuttable = [Bool](repeating: false, count: sections.count)
            var lastKey: String??
            // By index throughout: a loop over the sections or their paragraphs copied each one
            // (every string and array in it retained and released).
            for j in sections.indices {
                let paragraphs = sections[j].paragraphs
                guard paragraphs.indices.contains(where: { !inTable.contains(paragraphs[$0].span.startLine) }) else { continue }
                cuttable[j] = lastKey.map { $0 != sections[j].key } ?? true
                lastKey = sections[j].key
            }
            // Weighed by what is at hand in constant time (a section's text is its paragraphs', a
            // table's lines hold its cells): summing every paragraph's and every cell's bytes
            // here was a serial 20 ms of a 50 MB label's parse, between two stages on all cores.
            let bySection = Array(sections.indices).runs(about: LabelAssembler.runsPerPiece * pieces, weight: { j in
                sections[j].text.utf8.count
            }) { cuttable[$1] }
            let prose = tables.indices.filter { tables[$0].kind == .prose }
            let byTable = prose.runs(about: LabelAssembler.runsPerPiece * pieces, weight: { t in
                tables[t].span.endLine - tables[t].span.startLine + 1
            }) { _, _ in true }
            jobs = bySection.compactMap { run in run.first.map { ($0..<(run.last! + 1), 0..<0) } }
                + byTable.compactMap { run in run.first.map { (0..<0, $0..<(run.last! + 1)) } }
        }
        var found = jobs.orderedConcurrentMap { job in
            var units: [TextUnit] = []
            for section in sections[job.sections] { TextUnit.append(section, outside: inTable, to: &units) }
            for table in tables[job.tables] { TextUnit.append(cellsOf: table, to: &units) }
            return extractor.extract(units, lines: lines, product: product)
        }
        var doses = found.map(\.doses), quantities = found.map(\.quantities)
        found = []
        return (.joinedOnAllCores(&doses), .joinedOnAllCores(&quantities))
    }
}
