/// The normalize stage: lines split, repaired and cleared of page furniture.
public struct Normalizer: Sendable {
    let rules: TextRules

    public init(rules: TextRules) { self.rules = rules }

    public func normalize(_ text: String) -> (lines: [SourceLine], diagnostics: [Diagnostic]) {
        var lines = LineSplitter(repairer: LineRepairer(rules: rules)).split(text)
        let furniture = PageFurniture(rules: rules).find(in: lines)
        // Dropped, not blanked: in single-spaced text a blank would end the paragraph that a
        // page break cut. Each line keeps its own number, so nothing downstream miscounts.
        if !furniture.drop.isEmpty {
            lines = lines.enumerated().filter { !furniture.drop.contains($0.offset) }.map(\.element)
        }
        return (lines, furniture.diagnostics)
    }
}
