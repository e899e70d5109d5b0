import GRDB

/// A record that is written by one INSERT, prepared once per connection, with its values bound
/// in column order. GRDB's `insert` makes a persistence container, a data access object and the
/// statement's SQL for every row. An index run writes about 300 rows a label, most of them
/// paragraphs, and that work cost more than SQLite's own (12 % of an index run against 2 %
/// for binding the values here). The column list is said once: `encode(to:)`, which GRDB's
/// reads, updates and deletes use, is made from it too.
protocol ColumnRecord: MutablePersistableRecord {
    /// The table's columns, in the order of `values`.
    static var columns: [String] { get }
    /// The INSERT of every column (`insertStatement()`), kept in a static of each record so
    /// that it is made once.
    static var insertSQL: String { get }
    var values: [(any DatabaseValueConvertible)?] { get }
}

extension ColumnRecord {
    /// `INSERT [OR conflict] INTO table (columns…) VALUES (?, …)`.
    static func insertStatement(orIgnore: Bool = false) -> String {
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT \(orIgnore ? "OR IGNORE " : "")INTO \"\(databaseTableName)\" (\(names)) VALUES (\(marks))"
    }

    func encode(to container: inout PersistenceContainer) {
        for (column, value) in zip(Self.columns, values) { container[column] = value }
    }

    /// Writes the row and returns the row id SQLite gave it (a nil `id` column takes the next).
    @discardableResult
    func insertRow(_ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: Self.insertSQL).execute(arguments: StatementArguments(values))
        return db.lastInsertedRowID
    }
}
