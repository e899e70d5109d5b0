/// Doses as a pharmacist reads them: one line each, with the source line first, then drug,
/// amount, per, route, how often, when, for how long, ceiling and condition.
public enum DoseTable {
    public static let header = ["LINE", "DRUG", "AMOUNT", "ROUTE", "FREQUENCY", "SCHEDULE", "DURATION", "MAXIMUM", "CONDITION"]

    public static func rows(_ doses: [Dose]) -> [[String]] {
        doses.map { d in
            [String(d.span.startLine), d.drug, amount(d), d.route ?? "", d.frequency ?? "", d.schedule ?? "",
             d.duration ?? "", d.maximum?.text ?? "", d.condition ?? ""]
        }
    }

    /// `500–1000 mg`, `2×10^6 cells/kg`, `30 mg/m2`.
    public static func amount(_ d: Dose) -> String {
        let a = d.amount
        let number = a.value.map(format) ?? "\(a.low.map(format) ?? "?")–\(a.high.map(format) ?? "?")"
        return "\(number) \(d.unit)" + (d.per.map { "/\($0)" } ?? "")
    }

    /// Large round numbers as powers of ten, the rest as written.
    public static func format(_ v: Double) -> String {
        if v >= 1e5 {
            var e = 0
            var m = v
            while m >= 10 { m /= 10; e += 1 }
            let mantissa = m == m.rounded() ? String(Int(m)) : String(format1(m))
            return "\(mantissa)×10^\(e)"
        }
        return v == v.rounded() ? String(Int(v)) : String(v)
    }

    private static func format1(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// One line per dose for a spreadsheet (RFC 4180, CRLF).
    public static func csv(_ doses: [Dose], file: String) -> String {
        let head = ["file", "line", "end_line", "drug", "value", "low", "high", "unit", "unit_text", "per", "route",
                    "frequency", "schedule", "duration", "maximum", "condition", "section", "text"]
        var lines = [head.joined(separator: ",")]
        for d in doses {
            let fields = [file, String(d.span.startLine), String(d.span.endLine), d.drug, TableCSV.number(d.amount.value),
                          TableCSV.number(d.amount.low), TableCSV.number(d.amount.high), d.unit, d.unitText, d.per ?? "",
                          d.route ?? "", d.frequency ?? "", d.schedule ?? "", d.duration ?? "", d.maximum?.text ?? "",
                          d.condition ?? "", d.section ?? "", d.text]
            lines.append(fields.map(TableCSV.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
