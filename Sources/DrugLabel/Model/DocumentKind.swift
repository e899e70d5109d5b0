/// What a document is, decided from evidence in its text, never from its file name.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    /// A package insert (药品说明书) with 【】 sections.
    case label
    /// A reimbursement application (医保目录申报材料): key/value form fields.
    case application
    /// Company slides exported to Markdown, quoting label fields in tables.
    case slides
    /// Prose about drugs (a review article): no label sections.
    case article
    case unknown
}
