import DrugLabel

/// Left-aligned columns that line up in a terminal, counting Han characters as two columns.
enum Columns {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) } }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - width(cell) + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ((0x2E80...0xFFEF).contains($1.value) && !(0xFF61...0xFF9F).contains($1.value) ? 2 : 1) }
    }
}
