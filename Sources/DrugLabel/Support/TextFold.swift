import ICUBridge

/// The one fold for matching headings, field names, drug names and searches: ICU NFKC with
/// case folding, then Traditional→Simplified character by character (so that the fold of a
/// substring is a substring of the fold), white space removed. Output text is never folded.
///
/// Most label text is ASCII, CJK ideographs and CJK punctuation, whose fold needs no ICU: the
/// fast path folds those bytes itself and hands a string to ICU as soon as it meets a scalar
/// outside that safe set (`℃`, `①`, `µ`, combining marks …), so both paths give the same fold.
/// `TextFoldTests` checks the precondition on every scalar of the safe set.
///
/// `@unchecked Sendable`: the C folder and its table are never written once open, and ICU's
/// NFKC_Casefold normalizer is a shared, thread-safe instance.
public final class TextFold: @unchecked Sendable {
    private let handle: OpaquePointer?
    /// The Traditional→Simplified table of the C folder (65,536 entries, 0: no change).
    private let table: UnsafePointer<UInt16>?
    /// Why ICU could not be opened, when it could not: folds are then the fast path's alone.
    public let unavailable: ICUOpenError?

    /// The process's fold. Opening builds a character table from ICU's transliterator
    /// (milliseconds); after that it is only read, so every stage and thread shares it.
    public static let standard = TextFold()

    private init() {
        var error = [CChar](repeating: 0, count: 256)
        let handle = dl_folder_open(&error, 256)
        self.handle = handle
        table = handle.flatMap { dl_folder_table($0) }
        unavailable = handle == nil ? ICUOpenError(transform: "the fold (NFKC, Traditional-Simplified)", message: CString.string(error)) : nil
    }

    deinit { if let handle { dl_folder_close(handle) } }

    /// The standard fold, or the error that says ICU could not open its transforms.
    public static func checked() throws -> TextFold {
        if let error = standard.unavailable { throw error }
        return standard
    }

    public func callAsFunction(_ text: String) -> String { fold(text) }

    public func fold(_ text: String) -> String {
        var text = text
        if let fast = text.withUTF8({ fastFold($0) }) { return fast }
        return icuFold(text)
    }

    /// The fold of one character (`藥` → `药`, `℃` → `°c`, a space → nothing).
    public func fold(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        guard v >= 0x80 else { return fastScalar(scalar).map { String($0) } ?? "" }
        switch safeFold(v) {
        case 0: return ""
        case TextFold.unsafe: return icuFold(String(scalar))
        case let f: return Unicode.Scalar(f).map { String($0) } ?? String(scalar)
        }
    }

    /// One scalar for one, for matchers that keep each folded scalar's place in the source: nil
    /// for white space; a scalar outside the safe set stays as it is.
    public func scalar(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        guard s.value >= 0x80, safeFold(s.value) == TextFold.unsafe, let handle,
              let folded = ICUCall.utf8(String(s), initialCapacity: 16, { dl_folder_fold(handle, $0, $1, $2, $3) })
        else { return fastScalar(s) }
        // Rare (`℃`, `①`): ICU's fold when it is one scalar, else the scalar as it is.
        let f = folded.unicodeScalars
        return f.isEmpty ? nil : (f.count == 1 ? f.first : s)
    }

    /// `scalar` without ICU: a scalar outside the safe set stays as it is (white space goes).
    private func fastScalar(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < 0x80 {
            if v == 0x20 || (0x09...0x0D).contains(v) { return nil }
            return (0x41...0x5A).contains(v) ? Unicode.Scalar(v + 0x20)! : s
        }
        switch safeFold(v) {
        case 0: return nil
        case TextFold.unsafe: return (0x2000...0x200B).contains(v) || v == 0xA0 ? nil : s
        case let f: return Unicode.Scalar(f) ?? s
        }
    }

    /// ICU's fold, with no fast path: what the fast path must agree with.
    func icuFold(_ text: String) -> String {
        guard let handle else { return degraded(text) }
        return ICUCall.utf8(text, initialCapacity: text.utf8.count * 3 + 16) {
            dl_folder_fold(handle, $0, $1, $2, $3)
        } ?? degraded(text)
    }

    /// Without ICU (or when it fails on a string): each scalar folded alone, as well as that goes.
    private func degraded(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.compactMap(fastScalar)))
    }

    private static let unsafe = UInt32.max

    /// Whether the fast path folds this code point itself: the precondition tests check.
    func foldsFast(_ v: UInt32) -> Bool { v < 0x80 || safeFold(v) != TextFold.unsafe }

    /// The fold of a code point above ASCII when it is in the safe set (0: dropped), else
    /// `unsafe`. Safe: NFKC and case folding leave it as it is (or, for full-width ASCII, map
    /// it to ASCII), it composes with nothing in the set, and ICU's white space in it is U+3000.
    @inline(__always)
    private func safeFold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3001...0x3035, 0x303C...0x303F:
            guard let table else { return v }
            let t = table[Int(v)]
            return t == 0 ? v : UInt32(t)
        case 0xFF01...0xFF5E:
            let a = v - 0xFEE0
            return (0x41...0x5A).contains(a) ? a + 0x20 : a
        case 0x3000: return 0
        case 0xB0, 0xB1, 0xB7, 0xD7, 0xF7, 0x2010, 0x2012...0x2016, 0x2018...0x2023, 0x2030:
            return v
        default: return TextFold.unsafe
        }
    }

    /// The fold of UTF-8 bytes made of safe scalars only; nil at the first scalar that is not.
    ///
    /// Written straight into the String's storage: no safe scalar folds to a longer one (ASCII
    /// stays one byte or none, the two-byte signs stay themselves, a BMP ideograph or full-width
    /// form gives at most three bytes), so the fold fits in the text's length.
    private func fastFold(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var safe = true
        let folded = String(unsafeUninitializedCapacity: b.count) { out in
            var k = 0
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c == 0x20 || (0x09...0x0D).contains(c) { i += 1; continue }
                    out[k] = (0x41...0x5A).contains(c) ? c + 0x20 : c
                    k += 1
                    i += 1
                    continue
                }
                let length = c < 0xE0 ? 2 : (c < 0xF0 ? 3 : 4)
                guard c >= 0xC2, length < 4, i + length <= n else { safe = false; return 0 }
                let v = length == 2
                    ? UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                    : UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                let f = safeFold(v)
                if f == TextFold.unsafe { safe = false; return 0 }
                let width = f == 0 ? 0 : f < 0x80 ? 1 : f < 0x800 ? 2 : 3
                // The claim above, checked: a fold longer than its scalar is no safe fold.
                guard width <= length else { safe = false; return 0 }
                switch width {
                case 1: out[k] = UInt8(f)
                case 2: out[k] = UInt8(0xC0 | f >> 6); out[k + 1] = UInt8(0x80 | f & 0x3F)
                case 3: out[k] = UInt8(0xE0 | f >> 12); out[k + 1] = UInt8(0x80 | (f >> 6) & 0x3F); out[k + 2] = UInt8(0x80 | f & 0x3F)
                default: break
                }
                k += width
                i += length
            }
            return k
        }
        return safe ? folded : nil
    }
}
