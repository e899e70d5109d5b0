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
        // A large file's digest is taken on another core while it is decoded: two passes over
        // every byte that nothing else waits on.
        enum Step { case decoded(Result<DecodedText, any Error>), digest(String) }
        let decoder = pipeline.decoder
        let together = sha256 == nil && bytes.count >= 1 << 20
        let steps: [Step] = Array(0..<(together ? 2 : 1)).orderedConcurrentMap { i in
            i == 0 ? .decoded(Result { try decoder.decode(bytes) }) : .digest(Hex.string(SHA256.hash(data: bytes)))
        }
        guard case .decoded(let result) = steps[0] else { preconditionFailure("the first step decodes") }
        let decoded = try result.get()
        let digest: String
        if let sha256 { digest = sha256 } else if together, case .digest(let d) = steps[1] { digest = d } else {
            digest = Hex.string(SHA256.hash(data: bytes))
        }
        let source = SourceInfo(path: path, sha256: digest, encoding: decoded.encoding, bytes: bytes.count)
        let normalized = pipeline.normalizer.normalize(decoded.text)
        var label = pipeline.assemble(normalized.lines, source: source, diagnostics: normalized.diagnostics)
        label.diagnostics = decoded.diagnostics + label.diagnostics
        return ParsedDocument(label: label, lines: normalized.lines)
    }

    /// The stages after decoding, for text already in memory.
    public func parse(text: String, source: SourceInfo) -> Label {
        let normalized = pipeline.normalizer.normalize(text)
        return pipeline.assemble(normalized.lines, source: source, diagnostics: normalized.diagnostics)
    }
}
