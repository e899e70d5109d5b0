/// Tables in tidy long form for a spreadsheet: one line per cell, with the table, group, row
/// label and column path beside the value (RFC 4180 quoting, CRLF line ends).
public enum TableCSV {
    public static let header = ["table", "group", "label", "column", "raw", "value", "ci_low", "ci_high",
                                "unit", "statistic", "footnotes", "flags", "line"]

    public static func render(_ tables: [Table]) -> String {
        var lines = [header.joined(separator: ",")]
        for table in tables {
            for row in table.rows {
                for (i, cell) in row.cells.enumerated() {
                    let column = i < table.columns.count ? table.columns[i].joined(separator: " / ") : ""
                    let interval = cell.ci ?? cell.range
                    let fields = [table.id, row.group ?? "", row.label, column, cell.raw, number(cell.value),
                                  number(interval?.first ?? nil), number(interval?.last ?? nil),
                                  row.unit ?? "", row.statistic ?? "",
                                  row.footnotes.joined(separator: " "), (cell.flags ?? []).map(\.rawValue).joined(separator: " "),
                                  String(row.span.startLine)]
                    lines.append(fields.map(quote).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `46`, not `46.0`; nothing for no number.
    public static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}
