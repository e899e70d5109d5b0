import Foundation

/// Finds measures in a run of scalars: a number or a range, its unit, and what it is per.
/// A range may carry its unit on both ends (`12.5mg-50mg`, `20°C~25°C`) or only on its end.
struct MeasureReader: Sendable {
    let rules: DosingRules

    /// Every measure in `s`, left to right, none overlapping.
    func measures(in s: [Unicode.Scalar]) -> [Measure] {
        var result: [Measure] = []
        var i = 0
        while i < s.count {
            if NumberReader.digit(s[i]) != nil, let m = measure(s, at: i) {
                result.append(m)
                i = m.end
            } else if let m = chineseCount(s, at: i) {
                result.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        return result
    }

    func measure(_ s: [Unicode.Scalar], at i: Int) -> Measure? {
        guard let first = NumberReader.read(s, at: i) else { return nil }
        var j = first.end
        var low = first.value
        var high: Double?
        var firstUnit = unit(s, at: skipSpaces(s, j), value: first.value)
        if let u = firstUnit { j = u.end }
        // A range: `500~1000`, `12.5 ~25`, `1.5 × 106 ~2.0 × 106`, `12.5mg-50mg`.
        let afterFirst = skipSpaces(s, j)
        if let mark = rangeMark(s, at: afterFirst), let second = NumberReader.read(s, at: skipSpaces(s, mark)),
           second.value >= first.value {
            high = second.value
            j = second.end
            if let u = unit(s, at: skipSpaces(s, j), value: second.value) {
                if let f = firstUnit, f.code != u.code { return nil }
                firstUnit = u
                j = u.end
            }
        }
        guard var u = firstUnit else { return nil }
        if u.kind == "cells" && low < rules.minimumCells { return nil }
        low *= u.factor
        high = high.map { $0 * u.factor }
        var per: String?
        var kind = u.kind
        var unitCode = u.code
        let perStart = skipSpaces(s, j)
        if let c = match(s, at: perStart, rules.concentrationPers.map { ($0, "") }) {
            // `mg/dL`: a concentration, whatever per-day `/d` would make of it.
            kind = "concentration"
            unitCode = u.code + String(String.UnicodeScalarView(c.written))
            j = c.end
        } else if let p = match(s, at: perStart, rules.pers.map { ($0.written, $0.code) }) {
            per = p.code
            j = p.end
            if kind == "volume" && (p.code == "min" || p.code == "h") {
                kind = "rate"
                unitCode = "\(u.code)/\(p.code)"
                per = nil
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
        return Measure(amount: amount, unit: unitCode, unitText: u.text, kind: kind, per: per, start: i, end: j)
    }

    /// `一次两片`: a Chinese numeral counting a dosage form.
    private func chineseCount(_ s: [Unicode.Scalar], at i: Int) -> Measure? {
        // Only as a dose: `一次两片`, `每次1袋`; `前一袋`, `下一袋` count bags, not doses.
        guard i > 0, i + 1 < s.count, s[i - 1] == "次", ChineseNumeral.digitValue(s[i]) != nil || s[i] == "半" else { return nil }
        var j = i
        while j < s.count, ChineseNumeral.digitValue(s[j]) != nil || s[j] == "十" || s[j] == "半" { j += 1 }
        guard j < s.count, rules.chineseAmountUnits.contains(s[j]), let u = unit(s, at: j, value: 0) else { return nil }
        let written = String(String.UnicodeScalarView(s[i..<j]))
        guard let value = written == "半" ? 0.5 : ChineseNumeral.value(written).map(Double.init) else { return nil }
        return Measure(amount: Amount(value: value, low: nil, high: nil), unit: u.code, unitText: u.text, kind: u.kind,
                       per: nil, start: i, end: u.end)
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
        for u in rules.unitsByFirst[s[i]] ?? [] where matches(s, at: i, u.written) {
            let end = i + u.written.count
            // `g` of `gene`, `h` of `hours` in English text, `U` of `ULN`: a Latin unit ends there.
            if let last = u.written.last, last.isASCII, last.properties.isAlphabetic,
               end < s.count, s[end].isASCII, s[end].properties.isAlphabetic { continue }
            return UnitMatch(code: u.code, kind: u.kind, factor: u.factor, text: u.text, end: end)
        }
        // `个抗 CD19 CAR-T 细胞`, `CAR-BCMA阳性T细胞`: only after a count of cells, which is large.
        guard value >= rules.minimumCells else { return nil }
        let window = String(String.UnicodeScalarView(s[i..<min(s.count, i + 40)]))
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
                guard j < s.count, s[j] == w else { ok = false; break }
                j += 1
            }
            // `/d` is not the start of `/dL`: a Latin form ends where the letters do.
            if ok, let last = written.last, last.isASCII, last.properties.isAlphabetic,
               j < s.count, s[j].isASCII, s[j].properties.isAlphabetic { continue }
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
