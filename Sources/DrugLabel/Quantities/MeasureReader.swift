import Foundation

/// Finds measures in a run of scalars: a number or a range, its unit, and what it is per.
/// A range may carry its unit on both ends (`12.5mg-50mg`, `20°C~25°C`) or only on its end.
struct MeasureReader: Sendable {
    let rules: DosingRules
    /// The per-what forms as `match` takes them, made once rather than at every measure.
    private let concentrationOptions: [([Unicode.Scalar], String)]
    private let perOptions: [([Unicode.Scalar], String)]
    /// What every cell unit the pattern reads holds (`细胞`): a text without it is no count of cells.
    private let cellUnitWords: RequiredWords
    private let chineseLeads = MeasureReader.leads
    private let numerals = MeasureReader.numeralCandidates
    /// The scalars a unit starts with: after most numbers stands none, and the table by first
    /// scalar need not be asked.
    private let unitFirsts: ScalarSet

    init(rules: DosingRules) {
        self.rules = rules
        concentrationOptions = rules.concentrationPers.map { ($0, "") }
        perOptions = rules.pers.map { ($0.written, $0.code) }
        cellUnitWords = RequiredWords(pattern: rules.cellUnit.pattern)
        unitFirsts = ScalarSet(rules.unitsByFirst.keys)
    }

    /// Every measure in `s`, left to right, none overlapping.
    func measures(in s: [Unicode.Scalar]) -> [Measure] {
        var result: [Measure] = []
        var i = 0
        while i < s.count {
            // A Chinese numeral counts only after a lead (`measure` says so too); asking that
            // first spares the numeral lookup, which hashes a Character, at most scalars.
            if NumberReader.digit(s[i]) != nil
                || (chineseMayStart(s, at: i) && (isNumeral(s[i]) || s[i] == "半" || s[i] == "十")),
               let m = measure(s, at: i) {
                result.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        return result
    }

    /// A number as an amount: Arabic (`12.5`, `2.0 × 10^6`), a fraction (`1/4`), or a Chinese
    /// numeral (`三`, `半`) where it counts something.
    struct AmountNumber {
        var value: Double
        var end: Int
        /// Where the digits stand, for an integer read in Arabic numerals: a lost superscript
        /// shows in them (`6106`).
        var digits: Range<Int>?
        var chinese: Bool
    }

    func amountNumber(_ s: [Unicode.Scalar], at i: Int) -> AmountNumber? {
        guard i < s.count else { return nil }
        if NumberReader.digit(s[i]) != nil {
            guard let n = NumberReader.read(s, at: i) else { return nil }
            // `1/4片`, `1/3～1/2粒`: a fraction counts part of a dosage form.
            if n.end + 1 < s.count, s[n.end] == "/", !n.scientific, let d = NumberReader.read(s, at: n.end + 1), d.value > 0,
               d.end < s.count, !s[d.end].isASCIILetter {
                return AmountNumber(value: n.value / d.value, end: d.end, digits: nil, chinese: false)
            }
            let integer = !n.scientific && s[n.start..<n.end].allSatisfy { NumberReader.digit($0) != nil }
            return AmountNumber(value: n.value, end: n.end, digits: integer ? n.start..<n.end : nil, chinese: false)
        }
        if s[i] == "半" { return AmountNumber(value: 0.5, end: i + 1, digits: nil, chinese: true) }
        var j = i
        while j < s.count, isNumeral(s[j]) || s[j] == "十" || s[j] == "百" { j += 1 }
        guard j > i, let v = ChineseNumeral.value(s.string(i..<j)) else { return nil }
        // `一次一片半` is rare; `一片半` reads 1.5 when the half follows the unit, which the unit
        // reader does not see, so only a half right after the numeral is read.
        if j < s.count, s[j] == "半" { return AmountNumber(value: Double(v) + 0.5, end: j + 1, digits: nil, chinese: true) }
        return AmountNumber(value: Double(v), end: j, digits: nil, chinese: true)
    }

    /// Before a Chinese numeral that counts a dose: the start of a clause or a word that leads an
    /// amount (`一次两片`, `每次一片`, `不超过一片`); `前一袋`, `第一片`, `单一` are not amounts.
    private static let leads = ScalarSet("次日天服用过为至或达（(，,：: ～~-—")

    /// The characters `ChineseNumeral` reads as digits, to rule the other scalars out before
    /// asking it: it hashes a Character, and the reader asks of most scalars of a paragraph.
    /// Its Characters compare canonically, so a compatibility ideograph equal to one of these
    /// (U+F9B2 is 零) is a digit too: those blocks are always asked. DoseSpeedRegressionTests
    /// holds this to ChineseNumeral over all of Unicode.
    static let numeralCandidates = ScalarSet(ChineseNumeral.numerals)

    static func mayBeNumeral(_ s: Unicode.Scalar) -> Bool {
        numeralCandidates.contains(s) || isCompatibilityIdeograph(s)
    }

    private static func isCompatibilityIdeograph(_ s: Unicode.Scalar) -> Bool {
        (0xF900...0xFAFF).contains(s.value) || (0x2F800...0x2FA1F).contains(s.value)
    }

    /// `ChineseNumeral.digitValue(s) != nil`.
    private func isNumeral(_ s: Unicode.Scalar) -> Bool {
        (numerals.contains(s) || MeasureReader.isCompatibilityIdeograph(s)) && ChineseNumeral.digitValue(s) != nil
    }

    private func chineseMayStart(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        i == 0 || chineseLeads.contains(s[i - 1])
    }

    func measure(_ s: [Unicode.Scalar], at i: Int) -> Measure? {
        guard i >= 0, i < s.count else { return nil }
        // Any amount that does not open with an Arabic digit is read as Chinese.
        if NumberReader.digit(s[i]) == nil, !chineseMayStart(s, at: i) { return nil }
        guard let first = amountNumber(s, at: i) else { return nil }
        var j = first.end
        var low = first.value
        var high: Double?
        var highDigits: Range<Int>?
        var firstUnit = unit(s, at: skipSpaces(s, j), value: first.value)
        if first.chinese, let u = firstUnit,
           !(u.text.firstScalar.map(rules.chineseAmountUnits.contains) == true || u.kind == "mass") {
            firstUnit = nil
        }
        if first.chinese, firstUnit == nil, rangeMark(s, at: skipSpaces(s, j)) == nil { return nil }
        if let u = firstUnit { j = u.end }
        // A range: `500~1000`, `12.5 ~25`, `1.5 × 106 ~2.0 × 106`, `12.5mg-50mg`, `半片-1片`.
        let afterFirst = skipSpaces(s, j)
        if let mark = rangeMark(s, at: afterFirst), let second = amountNumber(s, at: skipSpaces(s, mark)) {
            let secondUnit = unit(s, at: skipSpaces(s, second.end), value: second.value)
            var ok = secondUnit != nil || firstUnit != nil
            if let f = firstUnit, let u = secondUnit, f.code != u.code {
                // `500 ug-2 mg`: one range in two units of mass, read in the second.
                if f.kind == "mass", u.kind == "mass", let a = MeasureReader.milligrams[f.code], let b = MeasureReader.milligrams[u.code] {
                    low = low * a / b
                } else {
                    ok = false
                }
            }
            if ok, second.value >= low || lostExponent(secondUnit ?? firstUnit!, s, digits: second.digits) != nil {
                if let u = secondUnit {
                    firstUnit = u
                    j = u.end
                } else {
                    j = second.end
                }
                high = second.value
                highDigits = second.digits
            }
        }
        guard var u = firstUnit else { return nil }
        if u.kind == "cells" && low < rules.minimumCells { return nil }
        if let (coefficient, exponent) = lostExponent(u, s, digits: high == nil ? first.digits : highDigits) {
            // `3～6106IU`, `1106IU/日`: ×10⁶ whose superscript the text lost. The coefficient
            // stands before `10` and the exponent digit; a lower end without them shares them.
            let scale = NumberReader.pow10(exponent)
            if high != nil {
                let lowCoefficient = lostExponent(u, s, digits: first.digits).map(\.0) ?? low
                if lowCoefficient <= coefficient {
                    low = lowCoefficient * scale
                    high = coefficient * scale
                }
            } else {
                low = coefficient * scale
            }
        }
        low *= u.factor
        high = high.map { $0 * u.factor }
        // Hundreds of digits (a damaged file) overflow a Double; JSON has no infinity.
        guard low.isFinite, high?.isFinite ?? true else { return nil }
        var per: String?
        var perTime: String?
        var kind = u.kind
        var unitCode = u.code
        let perStart = skipSpaces(s, j)
        if let c = match(s, at: perStart, concentrationOptions) {
            // `mg/dL`: a concentration, whatever per-day `/d` would make of it.
            kind = "concentration"
            unitCode = u.code + c.written.string(0..<c.written.count)
            j = c.end
        } else if let p = match(s, at: perStart, perOptions) {
            per = p.code
            j = p.end
            if kind == "volume" && (p.code == "min" || p.code == "h") {
                kind = "rate"
                unitCode = "\(u.code)/\(p.code)"
                per = nil
            } else if p.code == "kg" || p.code == "m2",
                      let t = match(s, at: skipSpaces(s, j), perOptions),
                      t.code == "day" || t.code == "dose" {
                // `60 ug/kg/日`, `2～8106IU/m2/天`: per weight (or surface) per day.
                perTime = t.code
                j = t.end
            }
        }
        u.end = j
        if kind == "temperature", below(s, i) {
            // `零下 150 摄氏度` is −150 °C.
            let l = low, h = high
            low = -(h ?? l)
            high = h.map { _ in -l }
        }
        let amount = high.map { Amount(value: nil, low: low, high: $0) } ?? Amount(value: low, low: nil, high: nil)
        return Measure(amount: amount, unit: unitCode, unitText: u.text, kind: kind, per: per, perTime: perTime, start: i, end: j,
                       isDose: DoseReader.doseKinds.contains(kind))
    }

    /// Milligrams in one unit of mass, for a range written in two units.
    private static let milligrams: [String: Double] = ["g": 1000, "mg": 1, "μg": 0.001, "ng": 0.000001]

    /// An integer count of units written as coefficient, `10` and one exponent digit (`6106`,
    /// `50106`): the coefficient and the exponent, when the unit is one that such powers count.
    /// Real counts of IU are round (`5000IU`); these end in the exponent digit.
    private func lostExponent(_ u: UnitMatch, _ s: [Unicode.Scalar], digits: Range<Int>?) -> (Double, Int)? {
        guard u.code == "IU", u.factor == 1, let digits, digits.count >= 4 else { return nil }
        let d = s[digits]
        let last = digits.upperBound
        guard let e = NumberReader.digit(d[last - 1]), e >= 4, NumberReader.digit(d[last - 2]) == 0,
              NumberReader.digit(d[last - 3]) == 1, NumberReader.digit(d[digits.lowerBound]) != 0,
              let coefficient = MeasureReader.coefficient(d[digits.lowerBound..<(last - 3)])
        else { return nil }
        return (coefficient, e)
    }

    /// The value of one to three ASCII digits, as `Double(String)` reads them; nil for more
    /// (with no leading zero, over 999: no coefficient) or any other digit (full-width digits
    /// are no number to `Double`).
    private static func coefficient(_ d: ArraySlice<Unicode.Scalar>) -> Double? {
        guard (1...3).contains(d.count), d.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Double(d.reduce(0) { $0 * 10 + Int($1.value - 0x30) })
    }

    struct UnitMatch {
        var code: String
        var kind: String
        var factor: Double
        var text: String
        var end: Int
    }

    private func unit(_ s: [Unicode.Scalar], at i: Int, value: Double = .infinity) -> UnitMatch? {
        guard i < s.count else { return nil }
        for u in unitFirsts.contains(s[i]) ? rules.unitsByFirst[s[i]] ?? [] : [] where matches(s, at: i, u.written) {
            let end = i + u.written.count
            // `g` of `gene`, `h` of `hours` in English text, `U` of `ULN`: a Latin unit ends there.
            if let last = u.written.last, last.isASCIILetter,
               end < s.count, s[end].isASCIILetter { continue }
            return UnitMatch(code: u.code, kind: u.kind, factor: u.factor, text: u.text, end: end)
        }
        // `个抗 CD19 CAR-T 细胞`, `CAR-BCMA阳性T细胞`: only after a count of cells, which is large.
        guard value >= rules.minimumCells, cellUnitWords.admits(s, i..<min(s.count, i + 40)) else { return nil }
        let window = s.string(i..<min(s.count, i + 40))
        if let m = rules.cellUnit.firstMatch(in: window, range: NSRange(window.startIndex..., in: window)),
           let r = Range(m.range, in: window) {
            let text = String(window[r])
            return UnitMatch(code: "cells", kind: "cells", factor: 1, text: text, end: i + text.unicodeScalars.count)
        }
        return nil
    }

    private func below(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var k = i
        while k > 0, s[k - 1] == " " { k -= 1 }
        return rules.belowZero.contains { word in
            let w = Array(word.unicodeScalars)
            return k >= w.count && Array(s[(k - w.count)..<k]) == w
        }
    }

    private func rangeMark(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        for mark in rules.rangeMarks where matches(s, at: i, mark) { return i + mark.count }
        return nil
    }

    private func match(_ s: [Unicode.Scalar], at i: Int, _ options: [([Unicode.Scalar], String)]) -> (code: String, written: [Unicode.Scalar], end: Int)? {
        for (written, code) in options {
            // The written form's spaces may be one space or none in the text (`/kg 体重`).
            var j = i
            var ok = true
            for w in written {
                if w == " " { while j < s.count, s[j] == " " { j += 1 }; continue }
                // `2mg／kg`: the full-width slash is the same per.
                guard j < s.count, s[j] == w || (w == "/" && s[j] == "／") else { ok = false; break }
                j += 1
            }
            // `/d` is not the start of `/dL`: a Latin form ends where the letters do.
            if ok, let last = written.last, last.isASCIILetter,
               j < s.count, s[j].isASCIILetter { continue }
            if ok { return (code, written, j) }
        }
        return nil
    }

    private func matches(_ s: [Unicode.Scalar], at i: Int, _ w: [Unicode.Scalar]) -> Bool {
        guard i + w.count <= s.count else { return false }
        for k in 0..<w.count where s[i + k] != w[k] { return false }
        return true
    }

    private func skipSpaces(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < s.count, s[j] == " " { j += 1 }
        return j
    }
}
