/// Types one value as written into a cell: `72（62，81）` is 72 with the interval 62 to 81,
/// `14.4+` is 14.4 censored, `<0.0001` a bound, `NE` and `-` no number.
struct CellReader: Sendable {
    let rules: TableRules

    /// `range` when the row's statistic names a range (`中位值（范围）`), else the interval is a CI.
    func cell(_ raw: String, intervalIsRange: Bool) -> Table.Cell {
        var cell = Table.Cell(raw: raw)
        if rules.isMissing(raw) { return cell }
        var flags: [Table.Cell.Flag] = []
        let opensWithBracket = raw.first.map { "（([".contains($0) } ?? false
        let (head, interval): (String, String?) = opensWithBracket ? ("", raw) : ValueLexer.splitInterval(raw)
        if !head.isEmpty { cell.value = number(head, flags: &flags) }
        if let interval, let (low, high) = ValueLexer.bounds(interval, rules: rules) {
            let pair = [number(low, flags: &flags), number(high, flags: &flags)]
            if intervalIsRange { cell.range = pair } else { cell.ci = pair }
        }
        var seen = Set<Table.Cell.Flag>()
        flags = flags.filter { seen.insert($0).inserted }
        cell.flags = flags.isEmpty ? nil : flags
        return cell
    }

    /// An interval alone on its line (`（62，81）`), to join to the value above it.
    /// A bare `NA` where the interval stands (`NA` / `NA` in a `中位值（范围）` row) says the
    /// interval is not available either.
    func attach(interval raw: String, to cell: inout Table.Cell, intervalIsRange: Bool) {
        var flags = cell.flags ?? []
        let pair: [Double?]
        if let (low, high) = ValueLexer.bounds(raw, rules: rules) {
            pair = [number(low, flags: &flags), number(high, flags: &flags)]
        } else if rules.notAvailable.contains(raw) || rules.notEstimable.contains(raw) {
            _ = number(raw, flags: &flags)
            pair = [nil, nil]
        } else {
            return
        }
        if intervalIsRange { cell.range = pair } else { cell.ci = pair }
        var seen = Set<Table.Cell.Flag>()
        flags = flags.filter { seen.insert($0).inserted }
        cell.flags = flags.isEmpty ? nil : flags
        cell.raw += raw.first.map({ "（([".contains($0) }) == true ? raw : " " + raw
    }

    private func number(_ text: String, flags: inout [Table.Cell.Flag]) -> Double? {
        if rules.notEstimable.contains(text) { flags.append(.notEstimable); return nil }
        if rules.notAvailable.contains(text) { flags.append(.notAvailable); return nil }
        var t = Substring(text)
        if let f = t.first {
            if f == "<" || f == "≤" || f == "＜" { flags.append(.lessThan); t = t.dropFirst() }
            else if f == ">" || f == "≥" || f == "＞" { flags.append(.greaterThan); t = t.dropFirst() }
        }
        if t.last == "+" { flags.append(.censored); t = t.dropLast() }
        // Double() also reads `nan`, `inf` and 400 nines as infinity; none is a table value.
        guard let value = Double(t), value.isFinite else { return nil }
        return value
    }
}
