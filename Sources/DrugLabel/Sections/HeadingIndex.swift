/// The catalogue folded for matching with one parser's `Folder`.
struct HeadingIndex {
    private var byHeading: [String: String] = [:]
    private var byQuotedName: [String: String] = [:]
    /// First characters of every folded heading: a line that starts otherwise is no heading.
    private(set) var openers: Set<Unicode.Scalar> = []
    let catalogue: SectionCatalogue

    init(catalogue: SectionCatalogue, folder: Folder) {
        self.catalogue = catalogue
        for entry in catalogue.entries {
            for heading in entry.headings {
                let folded = HeadingIndex.key(folder.fold(heading))
                byHeading[folded] = entry.key
                if let first = folded.unicodeScalars.first { openers.insert(first) }
            }
            for name in entry.quotedAs ?? [] { byQuotedName[folder.fold(name)] = entry.key }
        }
    }

    /// The catalogue key for a folded heading, with colons and brackets around it ignored.
    func key(forFoldedHeading folded: String) -> String? { byHeading[HeadingIndex.key(folded)] }

    func key(forFoldedFieldName folded: String) -> String? { byQuotedName[folded] }

    private static func key(_ folded: String) -> String {
        String(folded.unicodeScalars.filter { !":：·.、".unicodeScalars.contains($0) })
    }
}
