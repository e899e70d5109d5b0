/// The catalogue folded for matching with one parser's `TextFold`.
struct HeadingIndex {
    private var byHeading: [String: String] = [:]
    private var byQuotedName: [String: String] = [:]
    /// The boxed warning's titles (`警示语`, `警告`): a section key in brackets (【警示语】), but
    /// without them the title of a box that `BoxedWarningFinder` takes out wherever it stands.
    private var boxedWarningTitles: [String: String] = [:]
    /// Folded labels of the key/value lines inside each section (`通用名称` inside 药品名称).
    private var labelsByKey: [String: Set<String>] = [:]
    /// First characters of every folded heading: a line that starts otherwise is no heading.
    private(set) var openers: Set<Unicode.Scalar> = []
    /// The longest folded heading, in scalars: a longer run before a colon is no heading.
    private(set) var longest = 0
    let catalogue: SectionCatalogue

    init(catalogue: SectionCatalogue, fold: TextFold) {
        self.catalogue = catalogue
        for entry in catalogue.entries {
            for heading in entry.headings {
                let folded = HeadingIndex.key(fold(heading))
                byHeading[folded] = entry.key
                if let first = folded.firstScalar { openers.insert(first) }
                longest = max(longest, folded.unicodeScalars.count)
            }
            for name in entry.quotedAs ?? [] { byQuotedName[fold(name)] = entry.key }
            for names in (entry.labels ?? [:]).values {
                for name in names { labelsByKey[entry.key, default: []].insert(HeadingIndex.key(fold(name))) }
            }
        }
        for title in catalogue.boxedWarning.titles {
            boxedWarningTitles[HeadingIndex.key(fold(title))] = catalogue.boxedWarning.key
        }
    }

    /// The catalogue key for a folded heading, with colons and brackets around it ignored.
    func key(forFoldedHeading folded: String) -> String? { byHeading[HeadingIndex.key(folded)] }

    /// The key for a heading in brackets: a catalogue section, or the boxed warning (【警示语】).
    func key(forBracketedHeading folded: String) -> String? {
        let k = HeadingIndex.key(folded)
        return byHeading[k] ?? boxedWarningTitles[k]
    }

    func key(forFoldedFieldName folded: String) -> String? { byQuotedName[folded] }

    /// Whether a folded heading is the label of a line inside the section `key` (`通用名称` and
    /// `商品名称` inside 药品名称, `地址` inside 生产企业): there it is part of the block, not a
    /// new section.
    func isLabel(folded: String, inside key: String?) -> Bool {
        guard let key, let labels = labelsByKey[key] else { return false }
        return labels.contains(HeadingIndex.key(folded))
    }

    private static func key(_ folded: String) -> String {
        String(folded.unicodeScalars.filter { !":：·.、".unicodeScalars.contains($0) })
    }
}
