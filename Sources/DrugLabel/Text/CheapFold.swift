/// A fast fold for hot paths where the text is known to be Simplified: full-width ASCII to
/// ASCII, ASCII case folded, white space removed. Agrees with `Folder` on such text.
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
        if (0x41...0x5A).contains(v) { return Unicode.Scalar(v + 0x20)! }
        return s
    }
}
