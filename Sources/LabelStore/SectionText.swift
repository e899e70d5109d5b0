import DrugLabel

/// A section's paragraphs as read back, with their folded text made once, on first need, for
/// all of them at once (one folding call per section, not per paragraph).
struct SectionText {
    let paragraphs: [StoredParagraph]
    /// Nil once everything is folded: a kept section must not hold a parser's folder, which
    /// serves one thread.
    private var fold: TextFold?
    private var foldedTexts: [String]?

    init(_ paragraphs: [StoredParagraph], fold: TextFold) {
        self.paragraphs = paragraphs
        self.fold = fold
    }

    /// The section read back and folded whole: what a hit needs (its snippet's paragraph and
    /// the count of occurrences), kept by the store for the next search that shows it.
    static func folded(_ paragraphs: [StoredParagraph], fold: TextFold) -> SectionText {
        var section = SectionText(paragraphs, fold: fold)
        if !paragraphs.isEmpty { _ = section.folded(0) }
        section.fold = nil
        return section
    }

    /// About what it holds in memory, for the store's cache budget.
    var size: Int { paragraphs.reduce(64) { $0 + 2 * $1.text.utf8.count + 48 } }

    /// Paragraph `k`'s searchable characters, folded as the index folds them.
    mutating func folded(_ k: Int) -> String {
        if foldedTexts == nil, let fold {
            foldedTexts = SearchKey.foldedStrings(paragraphs.map(\.text), fold: fold)
        }
        return foldedTexts?[k] ?? ""
    }
}
