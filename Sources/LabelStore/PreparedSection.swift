/// One section of a `PreparedDocument`: its row, its full-text row's tokens, and its
/// paragraphs, all written under the id the section's row gets.
struct PreparedSection: Sendable, Hashable {
    var record: SectionRecord
    /// `section_index.grams`; `record.gramsCRC` is their CRC-32.
    var grams: String
    var paragraphs: [ParagraphRecord]
}
