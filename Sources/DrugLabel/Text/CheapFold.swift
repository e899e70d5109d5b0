/// A fast fold for hot paths: full-width ASCII to ASCII, ASCII case folded, white space removed,
/// Traditional ideographs as Simplified (`RuleFold`'s table). Agrees with `Folder` on label
/// text in either script; unlike it, no NFKC beyond the width of ASCII.
enum CheapFold {
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { if let f = fold(s) { out.append(f) } }
        return String(out)
    }

    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < 0x80 {
            if v == 0x20 || (0x09...0x0D).contains(v) { return nil }
            if (0x41...0x5A).contains(v) { return Unicode.Scalar(v + 0x20)! }
            return s
        }
        if v == 0x3000 || v == 0xA0 || (0x2000...0x200B).contains(v) { return nil }
        if (0xFF01...0xFF5E).contains(v) { return fold(Unicode.Scalar(v - 0xFEE0)!) }
        // Word lists are written in Simplified: `注：` must be found in a Traditional `註：`.
        return RuleFold.fold(s)
    }
}
