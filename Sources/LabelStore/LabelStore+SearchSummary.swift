import DrugLabel

extension LabelStore {
    /// How many sections a search matches in all, and in how many documents.
    public struct SearchSummary: Sendable, Hashable {
        public var sections: Int
        public var documents: Int
    }

    /// The size of a search's whole answer, for a summary under a page of hits: every match is
    /// ranked and joined to its document (a page needs only the best of them).
    public func searchSummary(_ query: SearchQuery, filters: SearchFilters, folder: Folder) throws -> SearchSummary {
        let plan = try plan(query, filters: filters, folder: folder)
        let ranking = try rank(plan, window: Int.max)
        return SearchSummary(sections: ranking.rows.count, documents: Set(ranking.rows.map(\.path)).count)
    }
}
