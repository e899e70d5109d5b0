import Crypto
import Foundation

/// Reads one document — a label, an application, slides, an article — into a `Label`.
///
/// Keep one parser and reuse it: it holds ICU transforms that take milliseconds to open.
/// A parser is not thread-safe; give each thread its own.
public final class LabelParser {
    /// Every rule file this parser reads with, each loaded once.
    public let ruleSet: RuleSet
    /// The fold this parser matches with, for callers that must fold the same way.
    public let fold: TextFold
    let headingIndex: HeadingIndex
    var pipeline: Pipeline

    public var catalogue: SectionCatalogue { ruleSet.catalogue }
    public var rules: TextRules { ruleSet.text }
    public var vocabulary: FormVocabulary { ruleSet.vocabulary }
    public var tableRules: TableRules { ruleSet.tables }
    public var dosingRules: DosingRules { ruleSet.dosing }
    public var metadataRules: MetadataRules { ruleSet.metadata }

    public init(ruleSet: RuleSet) throws {
        self.ruleSet = ruleSet
        fold = try TextFold.checked()
        headingIndex = HeadingIndex(catalogue: ruleSet.catalogue, fold: fold)
        pipeline = Pipeline(rules: ruleSet, fold: fold, headingIndex: headingIndex)
    }

    public convenience init(catalogue: SectionCatalogue = .standard, rules: TextRules = .standard,
                            vocabulary: FormVocabulary = .standard, tableRules: TableRules = .standard,
                            dosingRules: DosingRules = .standard, metadataRules: MetadataRules = .standard) throws {
        try self.init(ruleSet: RuleSet(catalogue: catalogue, text: rules, vocabulary: vocabulary, tables: tableRules, dosing: dosingRules,
                                       metadata: metadataRules))
    }

    /// Reads the file at `path`; throws `InputError` for a missing, unreadable, PDF or binary file.
    public func parse(fileAt path: String) throws -> Label {
        try parse(bytes: LabelFile.read(path), path: path)
    }

    public func parse(bytes: [UInt8], path: String) throws -> Label {
        try parseDocument(bytes: bytes, path: path).label
    }

    /// The label and the normalized lines it was read from (numbered as in the file), for a
    /// caller that points into them: the index, the comparisons, the server's pages.
    /// `sha256` is the bytes' hash when the caller has made it already (the index hashes a file
    /// it holds to see whether it changed); otherwise it is made here, once.
    public func parseDocument(bytes: [UInt8], path: String, sha256: String? = nil) throws -> ParsedDocument {
        // A large file's digest is taken on a thread of its own while the file is decoded: two
        // passes over every byte that nothing else waits on. Not as a step beside the decoding
        // in one concurrent map: the decoder's validation on all cores, nested in it, ran on
        // one core (a serial tenth of a second of a 50 MB label's parse).
        let digest = sha256.map(Digest.given) ?? Digest(of: bytes, aside: bytes.count >= 1 << 20)
        let read: DocumentReader.Result
        do {
            read = try pipeline.reader.read(bytes, path: path)
        } catch {
            digest.wait()
            throw error
        }
        let decoded: DecodedText
        var structure: ReadDocument?
        switch read {
        case .text(let text):
            decoded = text
        case .document(let document):
            decoded = DecodedText(text: document.text, encoding: "UTF-8", diagnostics: document.diagnostics)
            structure = document
        }
        let source = SourceInfo(path: path, sha256: digest.wait(), encoding: decoded.encoding, bytes: bytes.count,
                                format: structure?.format ?? .text)
        let normalized = pipeline.normalizer.normalize(decoded)
        var label = pipeline.assemble(normalized.lines, source: source, diagnostics: normalized.diagnostics, structure: structure)
        label.diagnostics = decoded.diagnostics + label.diagnostics
        return ParsedDocument(label: label, lines: normalized.lines, readText: structure?.text)
    }

    /// The stages after decoding, for text already in memory.
    public func parse(text: String, source: SourceInfo) -> Label {
        let normalized = pipeline.normalizer.normalize(text)
        return pipeline.assemble(normalized.lines, source: source, diagnostics: normalized.diagnostics)
    }
}
