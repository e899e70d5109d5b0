/// Reads a number as Chinese labels write it, at a position in a run of scalars: `75,000`,
/// `12.5`, full-width `１０`, and powers of ten in every form the corpus has (`2.0 × 10^6`,
/// `1.5×10⁸`, and `2.0 × 106` where PDF extraction lost the superscript). A power of ten is only
/// read after `×` (or `x`) and `10`: a plain `106` stays 106.
enum NumberReader {
    struct Number: Sendable, Hashable {
        var value: Double
        var start: Int
        /// One past the last scalar read.
        var end: Int
        var scientific: Bool
    }

    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
        default: return nil
        }
    }

    /// Whether `text` holds a `digit`, read on its bytes: `0`–`9`, or `０`–`９` (EF BC 90–99).
    static func holdsDigit(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c >= 0x30, c <= 0x39 { return true }
                if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] >= 0x90, b[i + 2] <= 0x99 { return true }
                i += 1
            }
            return false
        }
    }

    private static let superscripts: [Unicode.Scalar: Int] = [
        "⁰": 0, "¹": 1, "²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9,
    ]

    /// The number starting at `i`, or nil when no digit stands there or `i` is inside a longer
    /// number or word (a digit or Latin letter just before it).
    static func read(_ s: [Unicode.Scalar], at i: Int) -> Number? {
        guard i < s.count, digit(s[i]) != nil else { return nil }
        if i > 0, digit(s[i - 1]) != nil || s[i - 1] == "." || s[i - 1].isASCIILetter {
            return nil
        }
        var j = i
        // Digits accumulate into an integer and a count of decimals: the quotient of two exact
        // numbers is rounded once, as parsing the text would be, without making a String.
        var mantissa = 0
        var decimals = 0
        var digits = 0
        while j < s.count {
            if let d = digit(s[j]) {
                if digits < 18 { mantissa = mantissa * 10 + d } else { decimals -= 1 }
                digits += 1
                j += 1
            } else if s[j] == ",", j + 3 < s.count,
                      (1...3).allSatisfy({ digit(s[j + $0]) != nil }),
                      j + 4 >= s.count || digit(s[j + 4]) == nil {
                // `75,000`: a comma before exactly three digits groups thousands.
                j += 1
            } else {
                break
            }
        }
        if j + 1 < s.count, s[j] == "." || s[j] == "．", digit(s[j + 1]) != nil {
            j += 1
            while j < s.count, let d = digit(s[j]) {
                if digits < 18 { mantissa = mantissa * 10 + d; decimals += 1 }
                digits += 1
                j += 1
            }
        }
        var value = decimals >= 0 ? Double(mantissa) / pow10(decimals) : Double(mantissa) * pow10(-decimals)
        var number = Number(value: value, start: i, end: j, scientific: false)
        if let (exponent, end) = powerOfTen(s, after: j) {
            value *= pow10(exponent)
            number = Number(value: value, start: i, end: end, scientific: true)
        }
        // `× 10^400` overflows; a value JSON cannot hold is no value.
        guard number.value.isFinite else { return nil }
        return number
    }

    /// ` × 10^6`, `×10⁶`, `× 106` (superscript lost) after a mantissa: the exponent and the end.
    static func powerOfTen(_ s: [Unicode.Scalar], after start: Int) -> (Int, Int)? {
        var j = start
        while j < s.count, s[j] == " " { j += 1 }
        guard j < s.count, s[j] == "×" || s[j] == "x" || s[j] == "X" || s[j] == "✕" || s[j] == "*" else { return nil }
        j += 1
        while j < s.count, s[j] == " " { j += 1 }
        guard j + 1 < s.count, digit(s[j]) == 1, digit(s[j + 1]) == 0 else { return nil }
        j += 2
        if j < s.count, s[j] == "^" {
            j += 1
            var negative = false
            if j < s.count, s[j] == "-" || s[j] == "−" { negative = true; j += 1 }
            var e = 0, n = 0
            // The exponent saturates: `10^000…0001` or a run of a thousand digits must not
            // overflow, and past 10^9999 a value is infinite (no value) or zero anyway.
            while j < s.count, let d = digit(s[j]) { e = min(e * 10 + d, 9999); j += 1; n += 1 }
            guard n > 0 else { return nil }
            return (negative ? -e : e, j)
        }
        if j < s.count, superscripts[s[j]] != nil {
            var e = 0
            while j < s.count, let d = superscripts[s[j]] { e = min(e * 10 + d, 9999); j += 1 }
            return (e, j)
        }
        // The superscript lost: `106` is 10 and 6. One or two exponent digits, then no digit.
        var e = 0, n = 0
        while j < s.count, let d = digit(s[j]), n < 3 { e = e * 10 + d; j += 1; n += 1 }
        guard n >= 1, n <= 2 else { return nil }
        return (e, j)
    }

    static func pow10(_ e: Int) -> Double {
        var v = 1.0
        for _ in 0..<abs(e) { v *= 10 }
        return e < 0 ? 1 / v : v
    }
}
