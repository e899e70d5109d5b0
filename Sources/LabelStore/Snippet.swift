import DrugLabel

/// The part of a paragraph around the first place a term matches, the match marked 【…】.
/// The match is found the way the index finds it: on folded letters, digits and ideographs,
/// mapped back to the paragraph's own characters.
enum Snippet {
    static func make(_ text: String, around term: String, folder: Folder, width: Int = 40) -> String {
        let original = Array(text.unicodeScalars)
        var folded: [Unicode.Scalar] = []
        var origin: [Int] = []
        for (i, s) in original.enumerated() {
            for f in folder.fold(s).unicodeScalars where SearchKey.isSearchable(f) {
                folded.append(f)
                origin.append(i)
            }
        }
        let key = SearchKey.characters(term, folder: folder)
        guard !key.isEmpty, key.count <= folded.count,
              let at = (0...(folded.count - key.count)).first(where: { folded[$0..<($0 + key.count)].elementsEqual(key) }) else {
            return String(String.UnicodeScalarView(original.prefix(width * 2)))
        }
        let start = origin[at], end = origin[at + key.count - 1] + 1
        let from = max(0, start - width), to = min(original.count, end + width)
        let view = { (r: Range<Int>) in String(String.UnicodeScalarView(original[r])) }
        return (from > 0 ? "…" : "") + view(from..<start) + "【" + view(start..<end) + "】" + view(end..<to) + (to < original.count ? "…" : "")
    }
}
