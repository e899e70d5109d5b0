/// What changed between two versions of a label: sections added, removed, moved or changed
/// (with their sentences added, removed, changed or moved), and the numbers that changed
/// (doses, frequencies, table cells), each with its lines in both versions.
public struct LabelDiffReport: Codable, Sendable, Hashable {
    public var old: String
    public var new: String
    public var sections: [SectionChange]
    public var numbers: [NumberChange]

    public var isEmpty: Bool { sections.isEmpty && numbers.isEmpty }
}

public struct SectionChange: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case added, removed, changed, unchanged }
    public var kind: Kind
    /// Also true for a section whose text did not change.
    public var moved: Bool
    public var key: String?
    public var heading: String
    public var oldSpan: SourceSpan?
    public var newSpan: SourceSpan?
    public var sentences: [SentenceChange]
}

public struct SentenceChange: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case added, removed, changed, moved }
    public var kind: Kind
    public var old: String?
    public var new: String?
    public var oldLine: Int?
    public var newLine: Int?
    /// For a sentence moved from another section: that section's heading.
    public var from: String?
    /// For a changed sentence: the words that changed.
    public var words: [WordChange]
}

/// Words of the old version replaced by words of the new one (either may be empty), with a
/// little context.
public struct WordChange: Codable, Sendable, Hashable {
    public var old: String
    public var new: String
    public var before: String
    public var after: String
}

public struct NumberChange: Codable, Sendable, Hashable {
    /// `dose`, `frequency`, `maximum`, `route` or `table cell`.
    public var what: String
    /// Which dose or cell: `托珠单抗 【注意事项】`, `表 1 发热 · ZUMA-1 · 所有等级（%）`.
    public var context: String
    public var old: String?
    public var new: String?
    public var oldLine: Int?
    public var newLine: Int?
}
