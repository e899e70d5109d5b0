extension LabelParser {
    /// The section a user means by `name`: a catalogue key, a heading as written, or any
    /// heading or alias of the catalogue, matched on the folded form (so 適應症 finds 适应症).
    public func findSection(_ name: String, in label: Label) -> Section? {
        if let byKey = label.sections.first(where: { $0.key == name }) { return byKey }
        let folded = fold(name).trimming(":：")
        if let byHeading = label.sections.first(where: { fold($0.heading).trimming(":：") == folded }) {
            return byHeading
        }
        guard let key = catalogue.entries.first(where: { entry in
            entry.headings.contains { fold($0) == folded } || (entry.quotedAs ?? []).contains { fold($0) == folded }
        })?.key else { return nil }
        return label.sections.first { $0.key == key }
    }

    /// The catalogue key a user means by `name` (a key, a heading or an alias), or nil.
    public func catalogueKey(for name: String) -> String? {
        if catalogue.entries.contains(where: { $0.key == name }) { return name }
        let folded = fold(name).trimming(":：")
        return catalogue.entries.first { entry in
            entry.headings.contains { fold($0) == folded } || (entry.quotedAs ?? []).contains { fold($0) == folded }
        }?.key
    }

    /// The key a user means by `name` among the parts a document can have: the boxed warning
    /// (its key, a catalogue title such as 警告 or 警示语, or `title`, the label's own), then the
    /// catalogue's sections. One rule for `search --section`, `show` and the API.
    public func partKey(for name: String, boxedWarningTitle title: String? = nil) -> String? {
        let box = catalogue.boxedWarning
        let folded = fold(name)
        if name == box.key || (box.titles + (title.map { [$0] } ?? [])).contains(where: { fold($0) == folded }) { return box.key }
        return catalogueKey(for: name)
    }
}
