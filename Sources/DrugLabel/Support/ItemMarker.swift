/// The marker of a numbered item: `1.`, `2、`, `（1）`, `(2)`, `1）`, `①`. `1.5 ×` is a number,
/// not a marker, so a marker is never followed by a digit.
struct ItemMarker: Sendable, Hashable {
    var marker: String
    /// The text after the marker, trimmed.
    var rest: Substring

    static func parse(_ text: String) -> ItemMarker? {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return nil }
        if (0x2460...0x2473).contains(first.value) { // ① … ⑳
            let rest = text.dropFirst()
            return ItemMarker(marker: String(first), rest: rest.drop { $0 == " " })
        }
        var i = scalars.startIndex
        var open: Unicode.Scalar?
        if first == "（" || first == "(" { open = first; i = scalars.index(after: i) }
        var digits = 0
        while i != scalars.endIndex, ("0"..."9").contains(scalars[i]), digits < 3 {
            digits += 1
            i = scalars.index(after: i)
        }
        guard digits > 0, i != scalars.endIndex else { return nil }
        let close = scalars[i]
        if open != nil {
            guard close == "）" || close == ")" else { return nil }
        } else {
            guard close == "." || close == "、" || close == "．" || close == "）" || close == ")" else { return nil }
        }
        let after = scalars.index(after: i)
        if after != scalars.endIndex {
            let next = scalars[after]
            if ("0"..."9").contains(next) { return nil }
        } else {
            return nil
        }
        let markerEnd = after
        let marker = String(text.unicodeScalars[scalars.startIndex..<markerEnd])
        let rest = Substring(text.unicodeScalars[markerEnd...]).drop { $0 == " " || $0 == "\u{3000}" }
        return ItemMarker(marker: marker, rest: rest)
    }
}
