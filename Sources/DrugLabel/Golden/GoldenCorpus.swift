import Foundation

/// A corpus under golden-file validation: each `Corpus/NAME.txt` has a reviewed
/// `Golden/NAME.json`, the JSON that `parse` must give for it.
public struct GoldenCorpus {
    public var corpus: URL
    public var golden: URL

    public init(corpus: String, golden: String) {
        self.corpus = URL(fileURLWithPath: corpus)
        self.golden = URL(fileURLWithPath: golden)
    }

    /// One corpus document compared with its golden file.
    public struct Entry {
        public var name: String
        public var goldenPath: String
        /// What `parse` gives now; nil when the document could not be read.
        public var actual: Data?
        public var expected: Data?
        public var error: String?
        /// A readable diff, or nil when they agree.
        public var diff: String?
        public var agrees: Bool { error == nil && diff == nil }
    }

    /// Throws `GoldenCorpusError` when the corpus folder (or, with `requireGolden`, the golden
    /// folder) is missing or not a folder.
    public func check(parser: LabelParser, requireGolden: Bool = false) throws -> [Entry] {
        let fm = FileManager.default
        try Self.folder(corpus, option: "corpus")
        if requireGolden { try Self.folder(golden, option: "golden") }
        let docs = try fm.contentsOfDirectory(atPath: corpus.path).filter { !$0.hasPrefix(".") }.sorted()
        var entries: [Entry] = []
        for doc in docs {
            let goldenURL = golden.appendingPathComponent(Self.goldenName(of: doc))
            var entry = Entry(name: doc, goldenPath: goldenURL.path)
            entry.expected = fm.contents(atPath: goldenURL.path)
            do {
                // Paths are recorded relative to the corpus's parent, so golden files do not
                // depend on where the repository is checked out.
                let relative = corpus.lastPathComponent + "/" + doc
                let label = try parser.parse(bytes: LabelFile.read(corpus.appendingPathComponent(doc).path), path: relative)
                entry.actual = try LabelJSON.encode(label)
            } catch {
                entry.error = "\(error)"
            }
            if let actual = entry.actual {
                let old = entry.expected.map { String(decoding: $0, as: UTF8.self) } ?? ""
                let new = String(decoding: actual, as: UTF8.self)
                entry.diff = LineDiff.render(old: old, new: new,
                                             oldName: entry.expected == nil ? "(no golden file)" : goldenURL.path,
                                             newName: "parse of " + corpus.appendingPathComponent(doc).path)
            }
            entries.append(entry)
        }
        return entries
    }

    /// `NAME.txt`'s golden file is `NAME.json`; a document in another format keeps its
    /// extension (`NAME.pdf.json`), so that the same label as text and as PDF can sit side by side.
    static func goldenName(of document: String) -> String {
        let ext = (document as NSString).pathExtension.lowercased()
        return ext == "txt" ? (document as NSString).deletingPathExtension + ".json" : document + ".json"
    }

    private static func folder(_ url: URL, option: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw GoldenCorpusError(path: url.path, option: option, reason: "no such folder")
        }
        guard isDirectory.boolValue else { throw GoldenCorpusError(path: url.path, option: option, reason: "not a folder") }
    }

    /// Golden files whose corpus document is gone.
    public func orphans() throws -> [String] {
        let fm = FileManager.default
        guard fm.fileExists(atPath: golden.path) else { return [] }
        try Self.folder(corpus, option: "corpus")
        let names = Set(try fm.contentsOfDirectory(atPath: corpus.path).map(Self.goldenName))
        return try fm.contentsOfDirectory(atPath: golden.path)
            .filter { $0.hasSuffix(".json") && !names.contains($0) }
            .sorted()
    }

    public func write(_ entry: Entry) throws {
        guard let actual = entry.actual else { return }
        try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
        try actual.write(to: URL(fileURLWithPath: entry.goldenPath))
    }
}
