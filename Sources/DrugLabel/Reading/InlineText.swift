/// A paragraph's text put together from runs, some raised or lowered: the document says what
/// is a superscript, so a power of ten is not guessed back from `106` as it is from PDF text.
///
/// After a digit a raised number is an exponent (`10` `6` → `10⁶`); after a Latin letter a
/// raised digit is a power (`m²`); a raised letter or sign is a footnote mark, written after a
/// space as text labels write it (`疲劳 a`), where the table reader lifts it; a raised number
/// anywhere else is a citation and dropped.
struct InlineText {
    enum Position { case baseline, superscript, `subscript` }

    private(set) var text = ""

    mutating func append(_ run: String, _ position: Position) {
        guard position == .superscript else { text += run; return }
        let content = run.unicodeScalars.filter { !$0.properties.isWhitespace }
        guard !content.isEmpty else { return }
        let previous = text.unicodeScalars.last
        let isNumber = content.count <= 3 && content.enumerated().allSatisfy { n, c in
            ("0"..."9").contains(c) || (n == 0 && (c == "-" || c == "−" || c == "+"))
        }
        if isNumber, let p = previous, ("0"..."9").contains(p) || ((("a"..."z").contains(p) || ("A"..."Z").contains(p)) && content.count == 1) {
            for c in content { text.unicodeScalars.append(InlineText.raised(c)) }
            return
        }
        if isNumber { return }
        if let p = previous, !p.properties.isWhitespace { text += " " }
        text.unicodeScalars.append(contentsOf: content)
    }

    private static func raised(_ c: Unicode.Scalar) -> Unicode.Scalar {
        switch c {
        case "0": return "⁰"
        case "1": return "¹"
        case "2": return "²"
        case "3": return "³"
        case "-", "−": return "⁻"
        case "+": return "⁺"
        default: return Unicode.Scalar(0x2070 + c.value - 0x30) ?? c
        }
    }
}
