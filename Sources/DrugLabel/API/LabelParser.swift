import Crypto
import Foundation

/// Reads one document — a label, an application, slides, an article — into a `Label`.
///
/// Keep one parser and reuse it: it holds ICU transforms that take milliseconds to open.
/// A parser is not thread-safe; give each thread its own.
public final class LabelParser {
    public let catalogue: SectionCatalogue
    public let rules: TextRules
    public let vocabulary: FormVocabulary
    public let tableRules: TableRules
    public let dosingRules: DosingRules
    /// The fold this parser matches with, for callers that must fold the same way.
    public let fold: TextFold
    private let headingIndex: HeadingIndex

    public init(catalogue: SectionCatalogue = .standard, rules: TextRules = .standard,
                vocabulary: FormVocabulary = .standard, tableRules: TableRules = .standard,
                dosingRules: DosingRules = .standard) throws {
        self.catalogue = catalogue
        self.rules = rules
        self.vocabulary = vocabulary
        self.tableRules = tableRules
        self.dosingRules = dosingRules
        fold = try TextFold.checked()
        headingIndex = HeadingIndex(catalogue: catalogue, fold: fold)
    }

    /// Reads the file at `path`; throws `InputError` for a missing, unreadable, PDF or binary file.
    public func parse(fileAt path: String) throws -> Label {
        try parse(bytes: LabelFile.read(path), path: path)
    }

    public func parse(bytes: [UInt8], path: String) throws -> Label {
        try parseWithLines(bytes: bytes, path: path).label
    }

    /// The label and the normalized lines it was read from (numbered as in the file), for a
    /// caller that needs to point into them, such as the index.
    public func parseWithLines(bytes: [UInt8], path: String) throws -> (label: Label, lines: [SourceLine]) {
        let decoded = try TextDecoder().decode(bytes)
        let digest = Hex.string(SHA256.hash(data: bytes))
        let source = SourceInfo(path: path, sha256: digest, encoding: decoded.encoding, bytes: bytes.count)
        let stages = Stages(parser: self)
        let normalized = stages.normalize(decoded.text)
        var label = stages.assemble(normalized.lines, source: source, diagnostics: normalized.diagnostics)
        label.diagnostics = decoded.diagnostics + label.diagnostics
        return (label, normalized.lines)
    }

    /// The stages after decoding, for text already in memory.
    public func parse(text: String, source: SourceInfo) -> Label {
        let stages = Stages(parser: self)
        let lines = stages.normalize(text)
        return stages.assemble(lines.lines, source: source, diagnostics: lines.diagnostics)
    }

    /// The pipeline stages one by one, so that `bench` can time each.
    public struct Stages {
        let parser: LabelParser

        public init(parser: LabelParser) { self.parser = parser }

        /// Lines split, repaired and cleared of page furniture.
        public func normalize(_ text: String) -> (lines: [SourceLine], diagnostics: [Diagnostic]) {
            var lines = LineSplitter(repairer: LineRepairer(rules: parser.rules)).split(text)
            let furniture = PageFurniture(rules: parser.rules).find(in: lines)
            // Dropped, not blanked: in single-spaced text a blank would end the paragraph that a
            // page break cut. Each line keeps its own number, so nothing downstream miscounts.
            if !furniture.drop.isEmpty {
                lines = lines.enumerated().filter { !furniture.drop.contains($0.offset) }.map(\.element)
            }
            return (lines, furniture.diagnostics)
        }

        /// Headings found and the document classified and segmented into sections or fields.
        public func assemble(_ lines: [SourceLine], source: SourceInfo, diagnostics: [Diagnostic] = []) -> Label {
            parser.assemble(lines, source: source, diagnostics: diagnostics)
        }
    }

    func assemble(_ lines: [SourceLine], source: SourceInfo, diagnostics: [Diagnostic]) -> Label {
        let detector = HeadingDetector(index: headingIndex, fold: fold, rules: rules)
        // Headings start lines: a line holding several 【】 headings in a row is cut before each.
        let headed = BracketRuns(detector: detector).split(lines)
        let bracketed = detector.bracketed(in: headed)
        // Bare headings (no brackets) only count in a document that has no bracketed ones.
        let hasBracketed = bracketed.contains { $0.key != nil }
        let plain = hasBracketed ? nil : UnbracketedHeadings(detector: detector).find(in: lines)
        let bare = plain?.headings ?? []
        let (kind, reason) = DocumentClassifier(vocabulary: vocabulary).classify(lines, bracketed: bracketed, bare: bare, shape: plain?.shape)
        var label = Label(source: source, kind: kind)
        label.diagnostics = diagnostics + [reason]
        let layout = Layout(measuring: lines)
        var labelParagraphs: [Paragraph] = []
        switch kind {
        case .label:
            let headings = hasBracketed ? bracketed : bare
            let result = LabelSegmenter(fold: fold, rules: rules, catalogue: catalogue, layout: layout, tableRules: tableRules)
                .segment(plain?.lines ?? headed, headings: headings)
            label.title = result.preamble.title
            label.boxedWarning = result.boxedWarning
            label.sections = result.sections
            label.metadata = MetadataBuilder(catalogue: catalogue, fold: { [fold] in fold($0) })
                .label(preamble: result.preamble, sections: result.sections, paragraphs: result.paragraphs)
            label.diagnostics += result.diagnostics
            label.tables = result.tables
            labelParagraphs = result.paragraphs.flatMap { $0 }
            let units = TextUnit.units(sections: result.sections, paragraphs: result.paragraphs, tables: result.tables)
            (label.doses, label.quantities) = DoseExtractor(rules: dosingRules)
                .extract(units, lines: lines, product: label.metadata.genericName)
        case .application, .slides:
            FormReader(vocabulary: vocabulary, catalogue: catalogue, headingIndex: headingIndex, fold: fold)
                .read(lines, kind: kind, into: &label)
            (label.doses, label.quantities) = DoseExtractor(rules: dosingRules)
                .extract(TextUnit.units(sections: label.sections), lines: lines, product: label.metadata.genericName)
        case .article, .unknown:
            label.diagnostics.append(Diagnostic(.warning, "segment.noSections",
                                                "no label sections (【】 headings) were found; nothing was segmented"))
        }
        // Every definition the document makes, whatever its kind: an article defines terms too.
        let reader = AbbreviationReader(leadWords: rules.abbreviationLeadWords)
        let text: [(String, SourceSpan)]
        switch kind {
        case .label: text = labelParagraphs.map { ($0.text, $0.span) }
        case .application, .slides: text = label.fields.map { ($0.value, $0.span) }
        case .article, .unknown: text = WrapJoiner(layout: layout, rules: rules).paragraphs(lines).map { ($0.text, $0.span) }
        }
        var seen = Set<String>()
        for (t, span) in text {
            for a in reader.read(t, span: span) where seen.insert("\(a.short)\u{1}\(a.long)").inserted {
                label.abbreviations.append(a)
            }
        }
        return label
    }
}
