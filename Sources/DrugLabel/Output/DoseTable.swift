/// Doses as a pharmacist reads them: one line each, with the source line first, then drug,
/// who, amount, what kind of dose, route, how often, when, for how long, ceiling and condition.
public enum DoseTable {
    public static let header = ["LINE", "DRUG", "WHO", "AMOUNT", "KIND", "ROUTE", "FREQUENCY", "SCHEDULE", "DURATION", "MAXIMUM", "CONDITION"]

    public static func rows(_ doses: [Dose]) -> [[String]] {
        doses.map { d in
            [String(d.span.startLine), d.drug, d.population ?? "", amount(d), kind(d), d.route ?? "", d.frequency ?? "",
             d.schedule ?? "", d.duration ?? "", d.maximum?.text ?? "", d.condition ?? ""]
        }
    }

    public static func amount(_ d: Dose) -> String { d.amountText }

    /// initial, maintenance, maximum, or the step or total the statement is.
    public static func kind(_ d: Dose) -> String {
        [d.qualifier, d.kind].compactMap { $0 }.joined(separator: " ")
    }

    /// Large round numbers as powers of ten, the rest as written (`Amount.format`).
    public static func format(_ v: Double) -> String { Amount.format(v) }

    /// One line per dose for a spreadsheet (RFC 4180, CRLF).
    public static func csv(_ doses: [Dose], file: String) -> String {
        // The columns of schema 1 first, in their order; what schema 2 added comes after them.
        let head = ["file", "line", "end_line", "drug", "value", "low", "high", "unit", "unit_text", "per", "route",
                    "frequency", "schedule", "duration", "maximum", "condition", "section", "text",
                    "population", "per_time", "qualifier", "kind", "alternative", "route_text"]
        var lines = [head.joined(separator: ",")]
        for d in doses {
            let alternative = d.alternative.map { "\($0.amount.text) \($0.unit)" } ?? ""
            let fields = [file, String(d.span.startLine), String(d.span.endLine), d.drug, TableCSV.number(d.amount.value),
                          TableCSV.number(d.amount.low), TableCSV.number(d.amount.high), d.unit, d.unitText, d.per ?? "",
                          d.route ?? "", d.frequency ?? "", d.schedule ?? "", d.duration ?? "", d.maximum?.text ?? "",
                          d.condition ?? "", d.section ?? "", d.text,
                          d.population ?? "", d.perTime ?? "", d.qualifier ?? "", d.kind ?? "", alternative, d.routeText ?? ""]
            lines.append(fields.map(TableCSV.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
