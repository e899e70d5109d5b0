/// The normalize stage: lines split, repaired and cleared of page furniture.
public struct Normalizer: Sendable {
    let rules: TextRules

    public init(rules: TextRules) { self.rules = rules }

    public func normalize(_ text: String) -> (lines: [SourceLine], diagnostics: [Diagnostic]) {
        dropFurniture(LineSplitter(repairer: LineRepairer(rules: rules)).split(text))
    }

    /// The same, on decoded text as the decoder holds it (a file's bytes, when they were UTF-8).
    public func normalize(_ decoded: DecodedText) -> (lines: [SourceLine], diagnostics: [Diagnostic]) {
        let splitter = LineSplitter(repairer: LineRepairer(rules: rules))
        return dropFurniture(decoded.withUTF8 { splitter.split(utf8: $0) })
    }

    /// `lines` is taken, not copied: dropping lines moves them in place, and a copy of a
    /// large file's millions would retain every string.
    private func dropFurniture(_ lines: consuming [SourceLine]) -> (lines: [SourceLine], diagnostics: [Diagnostic]) {
        let furniture = PageFurniture(rules: rules).find(in: lines)
        // Dropped, not blanked: in single-spaced text a blank would end the paragraph that a
        // page break cut. Each line keeps its own number, so nothing downstream miscounts.
        if !furniture.drop.isEmpty {
            // Kept lines are moved down in place, not copied: a large file has millions, and
            // a copy (or `Array.swapAt`) retains and releases their strings. The buffer's swap
            // moves them. The dropped lines are walked in order beside them: asking the set
            // for every line hashed millions of numbers on one core.
            let dropped = furniture.drop.sorted()
            var kept = 0, next = 0
            lines.withUnsafeMutableBufferPointer { buffer in
                for i in buffer.indices {
                    if next < dropped.count, dropped[next] == i {
                        next += 1
                        continue
                    }
                    if i != kept { buffer.swapAt(i, kept) }
                    kept += 1
                }
            }
            lines.removeLast(lines.count - kept)
        }
        return (lines, furniture.diagnostics)
    }
}
