/// What `crosscheck` says of a document that quotes a label (an application form or slides):
/// one comparison per quoted fact or section, with the lines on both sides.
public struct CrossCheckReport: Codable, Sendable, Hashable {
    public var path: String
    public var labelPath: String
    /// Said once, before the comparisons: the two documents name different drugs.
    public var warning: String?
    public var comparisons: [Comparison]
}

public struct Comparison: Codable, Sendable, Hashable {
    public enum Verdict: String, Codable, Sendable {
        /// The same text (folded: width, case, spacing).
        case equal
        /// The same once punctuation, bullets and powers written out are set aside.
        case equalAfterNormalization
        /// The quote holds the label's value and more (`2023S00963/国药准字S20210019`).
        case contains
        case different
        /// Quoted, but not a quote of the label's text (a summary), or the label lacks the fact.
        case notCompared
    }

    /// A fact (`englishName`, `holder`, `approvalNumber`, `firstApproval`) or a section key.
    public var what: String
    /// As the document names it: a field name, or the heading of a quoted section.
    public var name: String
    /// The label's heading for a section, or the fact's name in the label.
    public var labelName: String?
    public var verdict: Verdict
    public var value: String?
    public var labelValue: String?
    /// Why: the normalizations that made two texts equal, or why nothing was compared.
    public var note: String?
    public var span: SourceSpan?
    public var labelSpan: SourceSpan?
    /// For sections with dosing statements: whether their numbers agree.
    public var numbers: String?
    public var differences: [Difference]
}

/// One place where two texts differ: the words on each side as written, a little context, and
/// the source line on each side.
public struct Difference: Codable, Sendable, Hashable {
    public var here: String
    public var label: String
    public var before: String
    public var after: String
    public var line: Int?
    public var labelLine: Int?
}
