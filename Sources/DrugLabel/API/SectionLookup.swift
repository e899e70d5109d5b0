extension LabelParser {
    /// The section a user means by `name`: a catalogue key, a heading as written, or any
    /// heading or alias of the catalogue, matched on the folded form (so 適應症 finds 适应症).
    public func findSection(_ name: String, in label: Label) -> Section? {
        if let byKey = label.sections.first(where: { $0.key == name }) { return byKey }
        let folded = folder.fold(name).trimming(":：")
        if let byHeading = label.sections.first(where: { folder.fold($0.heading).trimming(":：") == folded }) {
            return byHeading
        }
        guard let key = catalogue.entries.first(where: { entry in
            entry.headings.contains { folder.fold($0) == folded } || (entry.quotedAs ?? []).contains { folder.fold($0) == folded }
        })?.key else { return nil }
        return label.sections.first { $0.key == key }
    }

    /// The catalogue key a user means by `name` (a key, a heading or an alias), or nil.
    public func catalogueKey(for name: String) -> String? {
        if catalogue.entries.contains(where: { $0.key == name }) { return name }
        let folded = folder.fold(name).trimming(":：")
        return catalogue.entries.first { entry in
            entry.headings.contains { folder.fold($0) == folded } || (entry.quotedAs ?? []).contains { folder.fold($0) == folded }
        }?.key
    }

    /// The folder this parser matches with, for callers that must fold the same way.
    public var matchingFolder: Folder { folder }
}
