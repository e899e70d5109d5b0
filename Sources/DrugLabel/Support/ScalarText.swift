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

extension Array where Element == Unicode.Scalar {
    /// The scalars of `text`, decoded from its UTF-8 in one pass (`Array(text.unicodeScalars)`
    /// decodes twice: once to count, once to copy).
    ///
    /// ASCII and three-byte scalars (Han text, full-width punctuation: nearly all of a label)
    /// are decoded inline and unchecked: a String's UTF-8 is valid, and a valid three-byte
    /// sequence is never a surrogate. The dose reader decodes every numeric paragraph, and the
    /// checked way was 2% of a large label's parse.
    init(scalarsOf text: String) {
        var text = text
        self = text.withUTF8 { b in
            [Unicode.Scalar](unsafeUninitializedCapacity: b.count) { out, n in
                var i = 0
                n = 0
                let count = b.count
                while i < count {
                    let c = b[i]
                    if c < 0x80 {
                        out[n] = Unicode.Scalar(c)
                        i += 1
                    } else if c & 0xF0 == 0xE0, i + 2 < count {
                        let v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        out[n] = unsafeBitCast(v, to: Unicode.Scalar.self)
                        i += 3
                    } else {
                        let (scalar, width) = Unicode.Scalar.decoded(b, at: i)
                        out[n] = scalar
                        i += width
                    }
                    n += 1
                }
            }
        }
    }
}

extension Unicode.Scalar {
    /// The scalar whose UTF-8 starts at `i` of `b` (`i < b.count`), and how many bytes it
    /// takes. `b` holds valid UTF-8, as a String does: each lead byte says how many follow. A
    /// sequence the buffer's end cuts gives U+FFFD and the bytes left.
    @inline(__always)
    static func decoded(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let c = UInt32(b[i])
        let width = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
        guard i + width <= b.count else { return ("\u{FFFD}", b.count - i) }
        let v: UInt32
        switch width {
        case 1: v = c
        case 2: v = (c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        case 3: v = (c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        default: v = (c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", width)
    }

    /// `isASCII && properties.isAlphabetic`, without the property lookup: the ASCII letters
    /// are the only alphabetic ASCII scalars.
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
