/// Types one value as written into a cell: `72（62，81）` is 72 with the interval 62 to 81,
/// `14.4+` is 14.4 censored, `<0.0001` a bound, `NE` and `-` no number.
struct CellReader: Sendable {
    let rules: TableRules

    /// `range` when the row's statistic names a range (`中位值（范围）`), else the interval is a CI.
    func cell(_ raw: String, intervalIsRange: Bool) -> Table.Cell {
        var cell = Table.Cell(raw: raw)
        if rules.isMissing(raw) { return cell }
        var flags: [Table.Cell.Flag] = []
        let opensWithBracket = raw.first.map { $0 == "（" || $0 == "(" || $0 == "[" } ?? false
        let (head, interval): (String, String?) = opensWithBracket ? ("", raw) : ValueLexer.splitInterval(raw)
        if !head.isEmpty { cell.value = number(head, flags: &flags) }
        if let interval, let (low, high) = ValueLexer.bounds(interval, rules: rules) {
            let pair = [number(low, flags: &flags), number(high, flags: &flags)]
            if intervalIsRange { cell.range = pair } else { cell.ci = pair }
        }
        cell.flags = CellReader.unique(flags)
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
        } else if rules.isNotAvailable(raw) || rules.isNotEstimable(raw) {
            _ = number(raw, flags: &flags)
            pair = [nil, nil]
        } else {
            return
        }
        if intervalIsRange { cell.range = pair } else { cell.ci = pair }
        cell.flags = CellReader.unique(flags)
        cell.raw += raw.first.map({ $0 == "（" || $0 == "(" || $0 == "[" }) == true ? raw : " " + raw
    }

    /// The flags in the order first given, each once; nil for none. A cell has a few at most:
    /// a set to find the repeats cost an allocation and a hash for every cell of every table.
    private static func unique(_ flags: [Table.Cell.Flag]) -> [Table.Cell.Flag]? {
        guard !flags.isEmpty else { return nil }
        var result: [Table.Cell.Flag] = []
        for flag in flags where !result.contains(flag) { result.append(flag) }
        return result
    }

    private func number(_ text: String, flags: inout [Table.Cell.Flag]) -> Double? {
        if rules.isNotEstimable(text) { flags.append(.notEstimable); return nil }
        if rules.isNotAvailable(text) { flags.append(.notAvailable); return nil }
        if let value = asciiNumber(text, flags: &flags) { return value }
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

    /// `number` for ASCII text (nearly every cell), on its bytes: there each Character is one
    /// byte, so the signs compare as bytes, without the Character comparisons of the general
    /// way. Nil (and no flags) for other text, which takes the general way.
    private func asciiNumber(_ text: String, flags: inout [Table.Cell.Flag]) -> Double?? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var start = bytes.startIndex, end = bytes.endIndex
        if start < end, bytes[start] == UInt8(ascii: "<") { flags.append(.lessThan); start = bytes.index(after: start) }
        else if start < end, bytes[start] == UInt8(ascii: ">") { flags.append(.greaterThan); start = bytes.index(after: start) }
        if start < end, bytes[bytes.index(before: end)] == UInt8(ascii: "+") { flags.append(.censored); end = bytes.index(before: end) }
        guard let value = Double(text[start..<end]), value.isFinite else { return .some(nil) }
        return value
    }
}
