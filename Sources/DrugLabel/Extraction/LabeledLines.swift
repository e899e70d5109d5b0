/// `通用名称：阿基仑赛注射液`: the label before the first colon and the value after it, with the
/// label matched against a section's label table (sections.json `labels`). Several labelled
/// values on one line (`通用名称：… 英文名称：…`, a label flattened onto one line) are read one by
/// one: a known label after white space with a colon after it starts the next value.
struct LabeledLines {
    let labels: [String: [String]]
    /// How a label is compared: the parser's `TextFold`, so that `通用名稱` (Traditional) is the
    /// label `通用名称`; the cheap fold where no folder is at hand (it assumes Simplified text).
    let fold: (String) -> String
    /// (folded label, property), longest label first. Folded once: a builder keeps one of these
    /// for each section kind, and a long document has a name block per copy of its label.
    private let folded: [(String, String)]
    /// Every label as written, once.
    private let written: [String]

    init(labels: [String: [String]], fold: @escaping (String) -> String = { TextFold.standard.fold($0) }) {
        self.labels = labels
        self.fold = fold
        var folded: [(String, String)] = []
        for (property, names) in labels { for name in names { folded.append((fold(name), property)) } }
        folded.sort { $0.0.count > $1.0.count || ($0.0.count == $1.0.count && $0.1 < $1.1) }
        self.folded = folded
        written = Array(Set(labels.values.joined()))
    }

    /// The value and span for each property, first occurrence wins.
    func read(_ paragraphs: [Paragraph]) -> [String: (value: String, span: SourceSpan)] {
        var result: [String: (value: String, span: SourceSpan)] = [:]
        for p in paragraphs {
            for text in LabeledLines.pieces(p.text, labels: written) {
                guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
                let label = fold(String(text[..<colon]))
                let value = String(text[text.index(after: colon)...]).trimmingSpaces()
                guard !value.isEmpty, let property = folded.first(where: { $0.0 == label })?.1,
                      result[property] == nil else { continue }
                result[property] = (value, p.span)
            }
        }
        return result
    }

    /// Whether a paragraph starts with one of the labels and a colon.
    func isLabeled(_ text: String) -> Bool {
        guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return false }
        let label = fold(String(text[..<colon]))
        return folded.contains { $0.0 == label }
    }

    /// The text cut before every label (as written) that follows white space or the end of a
    /// sentence and is followed by a colon.
    static func pieces(_ text: String, labels: [String]) -> [String] {
        guard text.contains(where: { $0 == "：" || $0 == ":" }) else { return [text] }
        var cuts = Set<String.Index>()
        // Searching by Characters (so canonically equal text matches) cost 6% of a parse, mostly
        // for labels the text does not hold. Where neither side can be canonically equal to
        // other bytes, a label not in the bytes is not in the Characters either.
        let inert = LabeledLines.isCanonicallyInert(text)
        let bytewise = inert && !LabeledLines.holdsGraphemeExtender(text)
        for name in labels where !name.isEmpty {
            let nameInert = LabeledLines.isCanonicallyInert(name)
            if inert, nameInert, !text.containsBytes(name) { continue }
            // Where the bytes give the Characters' answer, the matches are found on the bytes:
            // the generic search was most of a long label's metadata, read on one core.
            let matches = bytewise && nameInert ? LabeledLines.byteRanges(of: name, in: text) : text.ranges(of: name)
            for r in matches where r.lowerBound > text.startIndex {
                let before = text[text.index(before: r.lowerBound)]
                guard before == " " || before == "\u{3000}" || before == "\t" || "。；;".contains(before) else { continue }
                let after = text[r.upperBound...].drop { $0 == " " || $0 == "\u{3000}" }
                guard let next = after.first, next == "：" || next == ":" else { continue }
                cuts.insert(r.lowerBound)
            }
        }
        guard !cuts.isEmpty else { return [text] }
        var result: [String] = []
        var start = text.startIndex
        for cut in cuts.sorted() {
            result.append(String(text[start..<cut]).trimmingSpaces())
            start = cut
        }
        result.append(String(text[start...]).trimmingSpaces())
        return result.filter { !$0.isEmpty }
    }

    /// The ranges of `name` in `text`, left to right and not overlapping, found on the bytes.
    /// For text and name that are canonically inert and hold no grapheme extender, these are
    /// the Characters' ranges: UTF-8 matches start on a scalar, and every scalar boundary of
    /// such text is a Character boundary (a CR LF pair aside, which no label starts or ends in).
    static func byteRanges(of name: String, in text: String) -> [Range<String.Index>] {
        let hay = Array(text.utf8), needle = Array(name.utf8)
        var ranges: [Range<String.Index>] = []
        var from = 0
        hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                guard let hb = h.baseAddress, let nb = n.baseAddress, !n.isEmpty else { return }
                while from + n.count <= h.count, let at = String.find(nb, n.count, in: hb + from, h.count - from) {
                    let start = from + at
                    let utf8 = text.utf8
                    let lower = utf8.index(utf8.startIndex, offsetBy: start)
                    ranges.append(lower..<utf8.index(lower, offsetBy: n.count))
                    from = start + n.count
                }
            }
        }
        return ranges
    }

    /// Whether `text` holds a scalar of the inert set that joins the Character before it:
    /// U+200C, U+200D, U+FF9E, U+FF9F.
    static func holdsGraphemeExtender(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value == 0x200C || $0.value == 0x200D || $0.value == 0xFF9E || $0.value == 0xFF9F }
    }

    /// Whether every scalar is one that no canonical decomposition or composition touches:
    /// ASCII without combining marks after it, unified Han, CJK and full-width punctuation,
    /// general punctuation. Such text equals another by Characters only if by bytes.
    static func isCanonicallyInert(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 } || text.unicodeScalars.allSatisfy { s in
            switch s.value {
            // Not U+2000–2001 (canonical singletons) nor U+302A–302F (combining tone marks).
            case 0..<0x80, 0x2002..<0x2070, 0x3000..<0x302A, 0x3030..<0x3040, 0x3400..<0x4DC0, 0x4E00..<0xA000, 0xFF00..<0xFFF0: true
            default: false
            }
        }
    }
}
