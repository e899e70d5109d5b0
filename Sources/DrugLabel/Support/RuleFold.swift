/// The form that the rules of the resource files (text-rules.json, tables.json, form-fields.json)
/// are matched on: Traditional ideographs and brackets as Simplified, full-width ASCII as
/// ASCII, the ideographic space as a space. One scalar for one, so that a rule written once in
/// Simplified holds for a label written in Traditional characters, and a match found in the
/// folded text sits at the same offsets (scalars and UTF-16 units alike) in the text as written.
///
/// Unlike `TextFold`, it keeps white space and case: the rules are regular expressions that read
/// both (`表 1.`, `(?i:page)`). It needs no parser: the table is made once per process.
enum RuleFold {
    /// The Simplified form of each BMP ideograph that has one (0: none), taken from `TextFold`
    /// so that the two folds agree on every ideograph.
    private static let simplified: [UInt16] = makeTable()

    /// The blocks whose characters the fold may change: CJK Unified Ideographs and Extension A,
    /// the compatibility ideographs NFKC maps onto them, and CJK punctuation (Traditional
    /// `「」` are Simplified `“”`; the ideographic space is handled apart).
    private static let blocks: [ClosedRange<UInt32>] = [0x3001...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]

    /// `scalars` with each CJK Unified Ideograph replaced by its Simplified form, or nil when
    /// none has one. The table is fetched once for the run: through `fold(_:)`, every scalar of
    /// every paragraph the dose reader reads passed the static's once-only check.
    static func simplifiedIdeographs(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let table = simplified
        var out: [Unicode.Scalar]?
        for i in scalars.indices {
            let v = scalars[i].value
            guard v >= 0x4E00, v <= 0x9FFF, case let t = table[Int(v)], t != 0, UInt32(t) != v,
                  let folded = Unicode.Scalar(UInt32(t)) else { continue }
            if out == nil { out = scalars }
            out![i] = folded
        }
        return out
    }

    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 { return s }
        return Unicode.Scalar(foldValue(v)) ?? s
    }

    /// The fold of a code point above ASCII (the same one when it does not fold).
    @inline(__always)
    private static func foldValue(_ v: UInt32) -> UInt32 {
        if (0xFF01...0xFF5E).contains(v) { return v - 0xFEE0 }
        if v == 0x3000 { return 0x20 }
        if v < 0x10000, case let t = simplified[Int(v)], t != 0 { return UInt32(t) }
        return v
    }

    /// `text` folded; the same string (no copy) when nothing in it folds, as in most ASCII and
    /// many Simplified lines. Every line of a document passes here once: it works on the UTF-8
    /// bytes, not on scalars one `String` append at a time.
    static func fold(_ text: String) -> String {
        if let folded = text.utf8.withContiguousStorageIfAvailable({ fold(utf8: $0) }) {
            return folded ?? text
        }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(fold(s)) }
        return String(out)
    }

    /// The folded text, or nil when no scalar folds. The bytes before the first scalar that
    /// folds are looked at twice, and copied once there is one: straight into the String's own
    /// storage (a fold never makes a line longer: three bytes become three, or one), as an
    /// array of bytes appended to one at a time and then copied into a String cost more than
    /// the fold itself.
    private static func fold(utf8 b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        guard let first = firstFolding(b) else { return nil }
        return String(unsafeUninitializedCapacity: n) { out in
            var o = first
            for k in 0..<first { out[k] = b[k] }
            var i = first
            while i < n {
                let lead = b[i]
                // Only three-byte sequences (U+0800–U+FFFF) hold characters that fold.
                guard lead >= 0xE0, lead < 0xF0, i + 2 < n else {
                    let end = min(i + sequenceLength(lead), n)
                    while i < end { out[o] = b[i]; o += 1; i += 1 }
                    continue
                }
                let v = UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                let f = foldValue(v)
                if f == v {
                    out[o] = lead; out[o + 1] = b[i + 1]; out[o + 2] = b[i + 2]
                    o += 3
                } else if f < 0x80 {
                    out[o] = UInt8(f)
                    o += 1
                } else {
                    // Table entries are BMP and above U+07FF, as the characters they replace.
                    out[o] = 0xE0 | UInt8(f >> 12); out[o + 1] = 0x80 | UInt8(f >> 6 & 0x3F); out[o + 2] = 0x80 | UInt8(f & 0x3F)
                    o += 3
                }
                i += 3
            }
            return o
        }
    }

    /// The byte offset of the first scalar that folds, or nil: most lines have none.
    private static func firstFolding(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            let lead = b[i]
            guard lead >= 0xE0, lead < 0xF0, i + 2 < n else {
                i = min(i + sequenceLength(lead), n)
                continue
            }
            let v = UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            if foldValue(v) != v { return i }
            i += 3
        }
        return nil
    }

    /// The length of the UTF-8 sequence that `lead` opens (a stray continuation byte: two,
    /// as the loops have always stepped over it).
    @inline(__always)
    private static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// A regular expression of the rules folded as the text it will run on is: its literal
    /// characters folded. One that folds into ASCII is written as a hex escape (`（` as
    /// `\x{28}`): as itself it could be syntax, a group's bracket, or `[:：]` turned `[::]`,
    /// which ICU reads as the start of a POSIX class.
    static func pattern(_ pattern: String) -> String {
        var out = ""
        var escaped = false
        for s in pattern.unicodeScalars {
            let f = fold(s)
            if f != s, f.isASCII, !escaped {
                out += "\\x{" + String(f.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(f)
            }
            escaped = !escaped && s == "\\"
        }
        return out
    }

    /// Folds each block through a `TextFold` in one call: NFKC and case folding leave ideographs
    /// one scalar each and white space is not among them, so the output lines up with the
    /// input; a block where it does not is asked character by character.
    private static func makeTable() -> [UInt16] {
        var table = [UInt16](repeating: 0, count: 0x10000)
        guard let fold = try? TextFold.checked() else { return table }
        func record(_ from: Unicode.Scalar, _ to: Unicode.Scalar) {
            // Only BMP to BMP keeps a UTF-16 offset in the text an offset in the fold; three UTF-8
            // bytes to three is what the byte loop writes.
            guard from != to, (0x800..<0x10000).contains(to.value), !(0xD800...0xDFFF).contains(to.value) else { return }
            table[Int(from.value)] = UInt16(to.value)
        }
        for block in blocks {
            let scalars = block.compactMap(Unicode.Scalar.init)
            let folded = Array(fold(String(String.UnicodeScalarView(scalars))).unicodeScalars)
            if folded.count == scalars.count {
                for (from, to) in zip(scalars, folded) { record(from, to) }
            } else {
                for from in scalars {
                    let f = fold.fold(from).unicodeScalars
                    if f.count == 1, let to = f.first { record(from, to) }
                }
            }
        }
        return table
    }
}
