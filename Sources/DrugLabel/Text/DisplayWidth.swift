/// How wide a line prints: East Asian wide and full-width characters count two columns.
/// PDF text wraps at a page width, so a line's width tells a hard wrap from a short line.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for s in text.unicodeScalars { width += isWide(s.value) ? 2 : 1 }
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
