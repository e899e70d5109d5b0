extension LabelParser {
    /// Whether two drug names name the same drug: folded, either contains the other, and
    /// `本品`/`本药` standing for the document's generic name.
    public func sameDrug(_ a: String, _ b: String, in label: Label) -> Bool {
        let product = label.metadata.genericName
        func resolve(_ name: String) -> String {
            if let product, ["本品", "本药"].contains(name.trimmingSpaces()) { return product }
            return name
        }
        let x = fold(resolve(a)), y = fold(resolve(b))
        guard !x.isEmpty, !y.isEmpty else { return false }
        return x.contains(y) || y.contains(x)
    }
}
