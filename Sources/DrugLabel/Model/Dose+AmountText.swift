extension Dose {
    /// `500–1000 mg`, `2×10^6 cells/kg`, `30 mg/m2/day`, `5 mg (0.25 tablet)`: the amount as a
    /// pharmacist reads it, which the dose table, the comparisons and the label page all show.
    public var amountText: String {
        var text = "\(amount.text) \(unit)" + (per.map { "/\($0)" } ?? "") + (perTime.map { "/\($0)" } ?? "")
        if let alt = alternative { text += " (\(alt.amount.text) \(alt.unit))" }
        return text
    }
}

extension Amount {
    /// `20`, `0.5`, `500–1000`; `?` for a missing bound.
    public var text: String {
        value.map(Amount.format) ?? "\(low.map(Amount.format) ?? "?")–\(high.map(Amount.format) ?? "?")"
    }

    /// Large round numbers as powers of ten (`2×10^6`), the rest as written.
    public static func format(_ v: Double) -> String {
        if v >= 1e5 {
            var e = 0
            var m = v
            while m >= 10 { m /= 10; e += 1 }
            let mantissa = m == m.rounded() ? String(Int(m)) : String(hundredths(m))
            return "\(mantissa)×10^\(e)"
        }
        return v == v.rounded() ? String(Int(v)) : String(v)
    }

    private static func hundredths(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
