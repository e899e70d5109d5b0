/// A word of the rules with its scalars, made once: the dosing rules are lists of Strings,
/// and the reader compares them with scalars of the text at every sentence.
struct ScalarWord: Sendable {
    let text: String
    let scalars: [Unicode.Scalar]
    /// In Characters, as `text.count`: the reader prefers the longer of two words that end
    /// together, as it did when the words were Strings.
    let length: Int

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
        length = text.count
    }

    static func list(_ words: [String]) -> ScalarWords { ScalarWords(words) }
}

/// Words of the rules, in their order, with the scalars they start with: most places in a
/// text hold none of those, so a text is searched for all the words in one pass.
struct ScalarWords: RandomAccessCollection, Sendable {
    private let words: [ScalarWord]
    let firsts: ScalarSet

    init(_ texts: [String]) {
        words = texts.map(ScalarWord.init)
        firsts = ScalarSet(words.compactMap(\.scalars.first))
    }

    var startIndex: Int { words.startIndex }
    var endIndex: Int { words.endIndex }
    subscript(i: Int) -> ScalarWord { words[i] }

    /// Whether one of the words stands in `s[range]`.
    func occur(in s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        for i in range where firsts.contains(s[i]) {
            for word in words where word.scalars.first == s[i] && s.has(word.scalars, at: i, end: range.upperBound) { return true }
        }
        return false
    }

    /// The places in `s[range]` where one of the words may start, in order.
    func starts(in s: [Unicode.Scalar], _ range: Range<Int>) -> [Int] {
        range.filter { firsts.contains(s[$0]) }
    }
}
