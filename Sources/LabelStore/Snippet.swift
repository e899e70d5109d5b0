import DrugLabel

/// The part of a paragraph around the first place a term matches, cut into before, match and
/// after. The match is found the way the index finds it: on folded letters, digits and
/// ideographs, mapped back to the paragraph's own characters. Folding stops at the first match:
/// a hit's snippet costs the characters up to it, not the whole paragraph. Each cut also gives
/// the match's first scalar in the paragraph, whose line the hit names.
enum Snippet {
    struct Cut {
        var highlight: Highlight
        /// Unicode scalars into the paragraph's text; nil when the term was not found in it.
        var offset: Int?
    }

    static func make(_ text: String, around term: String, fold: TextFold, width: Int = 40) -> Cut {
        let original = Array(text.unicodeScalars)
        let key = SearchKey.characters(term, fold: fold)
        var folded: [Unicode.Scalar] = []
        var origin: [Int] = []
        var at: Int?
        search: for (i, s) in original.enumerated() {
            for f in fold.fold(s).unicodeScalars where SearchKey.isSearchable(f) {
                folded.append(f)
                origin.append(i)
                if !key.isEmpty, folded.count >= key.count, folded[(folded.count - key.count)...].elementsEqual(key) {
                    at = folded.count - key.count
                    break search
                }
            }
        }
        guard let at else {
            let shown = String(String.UnicodeScalarView(original.prefix(width * 2)))
            return Cut(highlight: Highlight(before: shown + (original.count > width * 2 ? "…" : ""), match: "", after: ""), offset: nil)
        }
        return Cut(highlight: cut(original, start: origin[at], end: origin[at + key.count - 1] + 1, width: width), offset: origin[at])
    }

    /// The part of a paragraph around a match already found, in unicode scalars of the text (a
    /// short form found as written: `SearchKey.wholeToken`).
    static func make(_ text: String, at match: Range<Int>, width: Int = 40) -> Cut {
        let original = Array(text.unicodeScalars)
        guard match.lowerBound >= 0, match.upperBound <= original.count, !match.isEmpty else {
            return Cut(highlight: Highlight(before: String(String.UnicodeScalarView(original.prefix(width * 2))) + (original.count > width * 2 ? "…" : ""),
                                            match: "", after: ""), offset: nil)
        }
        return Cut(highlight: cut(original, start: match.lowerBound, end: match.upperBound, width: width), offset: match.lowerBound)
    }

    private static func cut(_ original: [Unicode.Scalar], start: Int, end: Int, width: Int) -> Highlight {
        let from = max(0, start - width), to = min(original.count, end + width)
        let view = { (r: Range<Int>) in String(String.UnicodeScalarView(original[r])) }
        return Highlight(before: (from > 0 ? "…" : "") + view(from..<start), match: view(start..<end),
                         after: view(end..<to) + (to < original.count ? "…" : ""))
    }
}
