/// The single spaces that stand between a Chinese character and a Latin letter, digit or Greek
/// letter (`每日 0.4g`, `分 1～2 次`, `干扰素 α2b`). Word processors set a quarter-em gap there
/// (Word's and LibreOffice's Asian/Latin autospacing), and text taken from a PDF turns the gap
/// into a space; labels typed by hand write the same words without one. To the rules they are
/// the same words, so a rule written once (`每1kg`, `一日3次`) must hold for both.
///
/// Only one space: two or more in a row are a gap someone laid out (columns, a heading's
/// padding), and are kept. So are the spaces around a lone letter (`托珠单抗 c 8 mg`): a
/// footnote mark, which must not join the name before it.
enum MixedScriptSpacing {
    /// `scalars` without those spaces, and for each scalar of the result (and its end) its
    /// offset in `scalars`; nil when there is none to drop, so most paragraphs are not copied.
    static func removed(_ scalars: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], origin: [Int])? {
        guard scalars.count >= 3 else { return nil }
        var drop: [Int] = []
        for i in 1..<(scalars.count - 1) where scalars[i] == " " {
            let a = scalars[i - 1], b = scalars[i + 1]
            if isHan(a) && isLatin(b) && !loneLetter(scalars, i + 1) { drop.append(i) }
            if isLatin(a) && isHan(b) && !loneLetter(scalars, i - 1) { drop.append(i) }
        }
        guard !drop.isEmpty else { return nil }
        var out: [Unicode.Scalar] = []
        var origin: [Int] = []
        out.reserveCapacity(scalars.count - drop.count)
        origin.reserveCapacity(scalars.count - drop.count + 1)
        var next = 0
        for i in scalars.indices {
            if next < drop.count, drop[next] == i { next += 1; continue }
            out.append(scalars[i])
            origin.append(i)
        }
        origin.append(scalars.count)
        return (out, origin)
    }

    /// Whether the letter at `i` stands alone: no letter or digit on either side.
    private static func loneLetter(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard !isDigit(s[i]) else { return false }
        let before = i > 0 && isLatin(s[i - 1])
        let after = i + 1 < s.count && isLatin(s[i + 1])
        return !before && !after
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) }

    /// CJK Unified Ideographs (with Extension A and the compatibility block).
    private static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    /// ASCII letters and digits, Greek letters and the micro sign (`μg`, `α2b`).
    private static func isLatin(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
            || (0x391...0x3C9).contains(v) || v == 0xB5
    }
}
