/// Everything read from one document: the JSON contract of `druglabel parse` (DESIGN.md).
public struct Label: Codable, Sendable, Hashable {
    /// Bumped whenever a key changes meaning.
    public static let currentSchemaVersion = 1

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
}
