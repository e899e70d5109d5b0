import GRDB

extension LabelStore {
    /// One page of an answer, and how many rows the whole answer has.
    public struct Answer<Item: Sendable>: Sendable {
        public var total: Int
        public var items: [Item]
    }

    /// The rows of one page, and the size of the whole answer. `sql` chooses the page's row ids
    /// (its `PAGE` is where LIMIT and OFFSET go) and joins the stored JSON to those ids only;
    /// `countSQL` counts the whole answer, with the same arguments and no join it does not need.
    func answer<Item>(_ sql: String, _ arguments: StatementArguments, page: Page,
                      count countSQL: String, _ make: (Row) throws -> Item) throws -> Answer<Item> {
        try pool.read { db in
            var pagedArguments = arguments
            var limit = ""
            if page.limit != nil || page.offset > 0 {
                limit = "LIMIT ? OFFSET ?"
                pagedArguments += [page.limit ?? -1, page.offset]
            }
            let items = try Row.fetchAll(db, sql: sql.replacingOccurrences(of: "PAGE", with: limit), arguments: pagedArguments).map(make)
            let total = limit.isEmpty ? items.count : try Int.fetchOne(db, sql: countSQL, arguments: arguments) ?? 0
            return Answer(total: total, items: items)
        }
    }
}
