import DrugLabel
import GRDB

extension LabelStore {
    /// How many sections the full-text index itself finds for a query: its terms' tokens only,
    /// with no abbreviation expansions and no second look at capital short forms (`search`
    /// adds both), so that it compares with another full-text index of the same sections.
    public func sectionMatches(_ query: SearchQuery, fold: TextFold) throws -> Int {
        guard let match = query.match(fold: fold) else { return 0 }
        return try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM section_index WHERE section_index MATCH ?", arguments: [match]) ?? 0
        }
    }
}
