import DrugLabel

/// A table as a URL names it: its number (`1`), or its id as written (`表 1`, `表1`). Stricter
/// than `Label.tables(named:)`, which keeps the digits of any text: there `-1` and `x1y` are
/// table 1, and a client that asked for neither would be shown it.
struct TableName: Sendable, Hashable {
    let name: String

    init(_ name: String) { self.name = name }

    /// The table number the name says, or nil when it is not a number with at most `表` before it.
    var number: Int? {
        var rest = Substring(name)
        if rest.hasPrefix("表") { rest = rest.dropFirst().drop { $0 == " " } }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(rest), n > 0 else { return nil }
        return n
    }

    func select(from tables: [Table]) -> [Table] {
        if let number { return tables.filter { Label.tableNumber(of: $0.id) == number } }
        return tables.filter { $0.id == name }
    }
}
