/// The kind of file a document was read from. Text is decoded and its lines are the file's;
/// the others are read through their own structure (pages, paragraphs, tables) into lines.
public enum DocumentFormat: String, Codable, Sendable, Hashable, CaseIterable {
    case text, pdf, docx, html
}
