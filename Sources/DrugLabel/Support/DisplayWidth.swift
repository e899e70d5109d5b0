/// How wide a line prints: East Asian wide and full-width characters count two columns.
/// PDF text wraps at a page width, so a line's width tells a hard wrap from a short line.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for s in text.unicodeScalars { width += isWide(s.value) ? 2 : 1 }
        return width
    }

    /// The same measure straight from UTF-8 bytes, for the line splitter's fast path.
    static func of(utf8 b: UnsafeBufferPointer<UInt8>) -> Int {
        var width = 0
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0xE0 {
                width += 1
                i += c < 0x80 ? 1 : 2
            } else if c < 0xF0 {
                // U+4000–U+9FFF (lead bytes E4–E9) is all CJK ideographs: wide without decoding.
                if c >= 0xE4 && c <= 0xE9 {
                    width += 2
                } else if i + 2 < n {
                    let v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    width += isWide(v) ? 2 : 1
                } else {
                    width += 1
                }
                i += 3
            } else {
                width += 2
                i += 4
            }
        }
        return width
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
