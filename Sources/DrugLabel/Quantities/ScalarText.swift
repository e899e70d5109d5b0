/// Reading a run of scalars in place: the dosing stage holds each paragraph as `[Unicode.Scalar]`
/// and asks many small questions of it (does the sentence open with a route, does the clause end
/// with a comparison). Asking them of the scalars costs no String; a String is made only for
/// what is kept, and then straight from the scalars' UTF-8.
///
/// Matching scalars is matching bytes: UTF-8 is self-synchronizing, so a word found in the
/// bytes of a text starts and ends on scalar boundaries, and the two searches agree.
extension Array where Element == Unicode.Scalar {
    /// `self[range]` as a String, encoded straight into the string's storage: appending to a
    /// `String.UnicodeScalarView` one scalar at a time was 8% of a parse.
    func string(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var count = 0
        for i in range { count += UTF8.width(self[i]) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var k = 0
            for i in range {
                let v = self[i].value
                switch v {
                case ..<0x80:
                    buffer[k] = UInt8(v)
                    k += 1
                case ..<0x800:
                    buffer[k] = 0xC0 | UInt8(v >> 6)
                    buffer[k + 1] = 0x80 | UInt8(v & 0x3F)
                    k += 2
                case ..<0x10000:
                    buffer[k] = 0xE0 | UInt8(v >> 12)
                    buffer[k + 1] = 0x80 | UInt8(v >> 6 & 0x3F)
                    buffer[k + 2] = 0x80 | UInt8(v & 0x3F)
                    k += 3
                default:
                    buffer[k] = 0xF0 | UInt8(v >> 18)
                    buffer[k + 1] = 0x80 | UInt8(v >> 12 & 0x3F)
                    buffer[k + 2] = 0x80 | UInt8(v >> 6 & 0x3F)
                    buffer[k + 3] = 0x80 | UInt8(v & 0x3F)
                    k += 4
                }
            }
            return k
        }
    }

    /// Whether `word` stands at `i`, ending at or before `end`.
    func has(_ word: [Unicode.Scalar], at i: Int, end: Int) -> Bool {
        guard i >= 0, i + word.count <= end, i + word.count <= count else { return false }
        for k in word.indices where self[i + k] != word[k] { return false }
        return true
    }

    /// Whether `word` ends at `end`, starting at or after `start`.
    func has(_ word: [Unicode.Scalar], endingAt end: Int, start: Int) -> Bool {
        has(word, at: end - word.count, end: end) && end - word.count >= start
    }

    /// Where `word` first stands in `range`.
    func firstIndex(of word: [Unicode.Scalar], in range: Range<Int>) -> Int? {
        guard let first = word.first, word.count <= range.count else { return nil }
        var i = range.lowerBound
        let last = range.upperBound - word.count
        while i <= last {
            if self[i] == first, has(word, at: i, end: range.upperBound) { return i }
            i += 1
        }
        return nil
    }

    /// Where `word` last stands in `range`.
    func lastIndex(of word: [Unicode.Scalar], in range: Range<Int>) -> Int? {
        guard let first = word.first, word.count <= range.count else { return nil }
        var i = range.upperBound - word.count
        while i >= range.lowerBound {
            if self[i] == first, has(word, at: i, end: range.upperBound) { return i }
            i -= 1
        }
        return nil
    }

    /// `range` without the spaces `trimmingSpaces()` drops at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound, b = range.upperBound
        while a < b, String.isSpace(self[a]) { a += 1 }
        while b > a, String.isSpace(self[b - 1]) { b -= 1 }
        return a..<b
    }
}

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
    let firsts: ScalarFilter

    init(_ texts: [String]) {
        words = texts.map(ScalarWord.init)
        firsts = ScalarFilter(words.compactMap(\.scalars.first))
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

extension Array where Element == Unicode.Scalar {
    /// The scalars of `text`, decoded from its UTF-8 in one pass (`Array(text.unicodeScalars)`
    /// decodes twice: once to count, once to copy).
    init(scalarsOf text: String) {
        var text = text
        self = text.withUTF8 { b in
            [Unicode.Scalar](unsafeUninitializedCapacity: b.count) { out, n in
                var i = 0
                n = 0
                while i < b.count {
                    let c = b[i]
                    let v: UInt32
                    // A String holds valid UTF-8: each lead byte says how many follow.
                    if c < 0x80 {
                        v = UInt32(c)
                        i += 1
                    } else if c < 0xE0 {
                        v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                        i += 2
                    } else if c < 0xF0 {
                        v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        i += 3
                    } else {
                        v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                        i += 4
                    }
                    out[n] = Unicode.Scalar(v) ?? "\u{FFFD}"
                    n += 1
                }
            }
        }
    }
}

/// A few scalars to test membership against at every scalar of a paragraph (sentence ends,
/// brackets): a bit per scalar value modulo 1024 rules out nearly every Han character with one
/// load, before the short list is scanned.
struct ScalarFilter: Sendable {
    private let values: [UInt32]
    private let bits: [UInt64]

    init(_ string: String) { self.init(string.unicodeScalars) }

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        values = Array(Set(scalars.map(\.value))).sorted()
        var bits = [UInt64](repeating: 0, count: 16)
        for v in values { bits[Int(v >> 6 & 15)] |= 1 << UInt64(v & 63) }
        self.bits = bits
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard bits[Int(v >> 6 & 15)] & (1 << UInt64(v & 63)) != 0 else { return false }
        for x in values where x == v { return true }
        return false
    }
}

extension Unicode.Scalar {
    /// `isASCII && properties.isAlphabetic`, without the property lookup: the ASCII letters
    /// are the only alphabetic ASCII scalars.
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
