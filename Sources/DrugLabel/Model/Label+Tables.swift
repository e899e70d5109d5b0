extension Label {
    /// The tables a user means by `name`: the id as written (`表 5`, `表5`) or its number (`5`).
    public func tables(named name: String) -> [Table] {
        guard let wanted = Label.tableNumber(of: name) else { return tables.filter { $0.id == name } }
        return tables.filter { Label.tableNumber(of: $0.id) == wanted }
    }

    /// `表 5`, `表5`, `5` → 5.
    public static func tableNumber(of id: String) -> Int? {
        Int(String(id.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init)))
    }
}
