/// One physical line of the source after repair, with the number it has in the original file.
public struct SourceLine: Sendable, Hashable {
    /// 1-based line number in the original file.
    public var number: Int
    /// Repaired text, trimmed at both ends. Empty for a blank line.
    public var text: String
    /// `text` as the rules match it (`RuleFold`: Simplified, half-width, same offsets), folded
    /// when asked. Folded once for every line and kept, it cost a tenth of a 50 MB label's
    /// parse: a second String a line, made again at each change of `text`, and most of it
    /// spent faulting in fresh pages for strings that few lines are ever asked for. The rules
    /// that look at every line rule most lines out on a scalar or a byte of `text` first.
    public var folded: String { RuleFold.fold(text) }
    /// Display width of `text` (wide characters count two), measured once when the line is made.
    public var width: Int
    // The three flags stand together, after the words: between them they padded each line to
    // 48 bytes, 40 now, of a large file's millions of lines.
    /// The raw line began with white space: PDF text does that on the first line of a page.
    public var leadingSpace: Bool
    /// The raw line held a form feed before its text: pdftotext starts each page with one.
    public var pageBreak: Bool
    /// The raw line ended in white space. pdftotext leaves a space after the last line of a
    /// paragraph and none after a line it wrapped: the only trace of a table cell's end.
    public var trailingSpace: Bool

    public init(number: Int, text: String, leadingSpace: Bool = false, width: Int? = nil, pageBreak: Bool = false,
                trailingSpace: Bool = false) {
        self.number = number
        self.text = text
        self.leadingSpace = leadingSpace
        self.width = width ?? DisplayWidth.of(text)
        self.pageBreak = pageBreak
        self.trailingSpace = trailingSpace
    }

    public var isBlank: Bool { text.isEmpty }
    public var span: SourceSpan { SourceSpan(line: number) }
}

extension Array where Element == SourceLine {
    /// The lines of `span`, for lines in order of their numbers (found by bisection).
    public func lines(in span: SourceSpan) -> ArraySlice<SourceLine> {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].number < span.startLine { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < count, self[end].number <= span.endLine { end += 1 }
        return self[lo..<end]
    }
}
