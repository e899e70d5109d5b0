/// Everything read from one document: the JSON contract of `druglabel parse` (DESIGN.md).
public struct Label: Codable, Sendable, Hashable {
    /// Bumped whenever a key changes meaning.
    public static let currentSchemaVersion = 3

    public var schemaVersion: Int = Label.currentSchemaVersion
    public var source: SourceInfo
    public var kind: DocumentKind
    public var title: String?
    public var metadata: Metadata
    public var boxedWarning: BoxedWarning?
    public var sections: [Section]
    public var tables: [Table] = []
    public var doses: [Dose] = []
    public var quantities: [Quantity] = []
    public var fields: [Field] = []
    public var patents: [Patent] = []
    public var trials: [Trial] = []
    public var abbreviations: [Abbreviation] = []
    public var diagnostics: [Diagnostic] = []
    /// Where each line of a PDF, .docx or web page was in the document; nil for text. Not a key
    /// of its own in the JSON: every span written carries its page, paragraph and cell.
    public var origins: LineOrigins?

    public init(source: SourceInfo, kind: DocumentKind, title: String? = nil,
                metadata: Metadata = Metadata(), boxedWarning: BoxedWarning? = nil,
                sections: [Section] = []) {
        self.source = source
        self.kind = kind
        self.title = title
        self.metadata = metadata
        self.boxedWarning = boxedWarning
        self.sections = sections
    }

    /// The first section with this catalogue key.
    public func section(_ key: String) -> Section? {
        sections.first { $0.key == key }
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, source, kind, title, metadata, boxedWarning, sections, tables, doses, quantities
        case fields, patents, trials, abbreviations, diagnostics
    }

    // Every top-level key of the contract is always present, `title` and `boxedWarning` as null
    // when a document has none, so readers need no "missing key" case.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(source, forKey: .source)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(boxedWarning, forKey: .boxedWarning)
        try c.encode(sections, forKey: .sections)
        try c.encode(tables, forKey: .tables)
        try c.encode(doses, forKey: .doses)
        try c.encode(quantities, forKey: .quantities)
        try c.encode(fields, forKey: .fields)
        try c.encode(patents, forKey: .patents)
        try c.encode(trials, forKey: .trials)
        try c.encode(abbreviations, forKey: .abbreviations)
        try c.encode(diagnostics, forKey: .diagnostics)
    }
}
