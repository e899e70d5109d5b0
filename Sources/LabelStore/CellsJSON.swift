import DrugLabel

/// A table row's cells as compact JSON, written by hand: the index stores one per row, and a
/// JSONEncoder call per row cost more than the rest of preparing a document. Decodes as
/// `[Table.Cell]`.
enum CellsJSON {
    static func encode(_ cells: [DrugLabel.Table.Cell]) -> String {
        var out = "["
        for (i, cell) in cells.enumerated() {
            if i > 0 { out += "," }
            out += "{\"raw\":" + string(cell.raw) + ",\"value\":" + number(cell.value)
            if let ci = cell.ci { out += ",\"ci\":[" + ci.map(number).joined(separator: ",") + "]" }
            if let range = cell.range { out += ",\"range\":[" + range.map(number).joined(separator: ",") + "]" }
            if let flags = cell.flags { out += ",\"flags\":[" + flags.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]" }
            out += "}"
        }
        return out + "]"
    }

    private static func number(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "null" }
        return TableCSV.number(v)
    }

    private static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
