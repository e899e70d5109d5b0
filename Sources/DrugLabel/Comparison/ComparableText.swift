/// A text as the comparisons see it: tokens, each with the range of source characters it came
/// from, so that a difference found between tokens is shown as the documents wrote it.
///
/// A token is a run of Latin letters, or of digits (a decimal point inside a number included),
/// or one other character; white space only separates. Two levels:
/// - `folded`: NFKC, case, Traditional→Simplified, white space dropped;
/// - `normalized`: also without punctuation and bullets (`1、` and `1.` are both `1`; `预处理：`
///   and `预处理` alike) and without the caret of a power (`10^6` reads as the label's `106`,
///   whose superscript the PDF lost).
struct ComparableText {
    struct Token: Equatable {
        var text: String
        /// Scalar offsets into the source text.
        var range: Range<Int>
    }

    let source: [Unicode.Scalar]
    let tokens: [Token]

    init(_ text: String, normalized: Bool, fold: TextFold) {
        source = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var run = String.UnicodeScalarView()
        var runStart = 0
        func endRun(at i: Int) {
            if !run.isEmpty { tokens.append(Token(text: String(run), range: runStart..<i)) }
            run = String.UnicodeScalarView()
        }
        for (i, scalar) in source.enumerated() {
            // White space ends a word (`10 6` is two numbers) and is no token itself.
            if scalar.properties.isWhitespace { endRun(at: i); continue }
            for f in fold.fold(scalar).unicodeScalars {
                // Letters and digits make separate words, so that `68mL` and `68 mL` compare alike.
                if let last = run.last, ComparableText.isWordScalar(f), ComparableText.isDigit(last) != ComparableText.isDigit(f) {
                    endRun(at: i)
                }
                if ComparableText.isWordScalar(f) || (f == "." && !run.isEmpty && i + 1 < source.count
                                                      && ComparableText.isDigit(source[i + 1]) && run.last.map(ComparableText.isDigit) == true) {
                    if run.isEmpty { runStart = i }
                    run.append(f)
                    continue
                }
                // `10^6` is one number, as the label's `106` is.
                if normalized && f == "^" && run.last.map(ComparableText.isDigit) == true && i + 1 < source.count
                    && ComparableText.isDigit(source[i + 1]) { continue }
                endRun(at: i)
                if normalized && (f == "^" || ComparableText.isPunctuation(f)) { continue }
                tokens.append(Token(text: String(f), range: i..<(i + 1)))
            }
        }
        endRun(at: source.count)
        self.tokens = tokens
    }

    /// The source text of a run of tokens, with the punctuation that closes it (`瑞（上海）`, not
    /// `瑞（上海`) when the tokens skipped it.
    func text(_ tokens: Range<Int>) -> String {
        guard let first = tokens.first.map({ self.tokens[$0].range.lowerBound }) else { return "" }
        var end = self.tokens[tokens.upperBound - 1].range.upperBound
        let limit = tokens.upperBound < self.tokens.count ? self.tokens[tokens.upperBound].range.lowerBound : source.count
        while end < limit, !source[end].properties.isWhitespace, ComparableText.isPunctuation(source[end]) { end += 1 }
        return String(String.UnicodeScalarView(source[first..<end]))
    }

    /// Where the source text of a run of tokens ends (as `text` cuts it).
    func end(_ tokens: Range<Int>) -> Int {
        guard !tokens.isEmpty else { return offset(tokens) }
        return self.tokens[tokens.lowerBound].range.lowerBound + text(tokens).unicodeScalars.count
    }

    /// Up to `width` source characters before and after a run of tokens (for a run that is
    /// empty on this side, around the place where it would be).
    func context(_ tokens: Range<Int>, width: Int = 8) -> (before: String, after: String) {
        let start = offset(tokens)
        let end = self.end(tokens)
        let before = source[max(0, start - width)..<start], after = source[end..<min(source.count, end + width)]
        return (String(String.UnicodeScalarView(before)).replacingOccurrences(of: "\n", with: " "),
                String(String.UnicodeScalarView(after)).replacingOccurrences(of: "\n", with: " "))
    }

    /// The source offset where a run of tokens starts (or would start).
    func offset(_ tokens: Range<Int>) -> Int {
        tokens.lowerBound < self.tokens.count ? self.tokens[tokens.lowerBound].range.lowerBound : source.count
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || isDigit(s)
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isWhitespace { return true }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return true
        default:
            // Bullet glyphs that are symbols rather than punctuation.
            return ["•", "●", "▪", "■", "◆", "○", "·"].contains(s)
        }
    }
}
