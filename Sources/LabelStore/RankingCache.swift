import Foundation

/// The rankings of recent searches, for the next page of the same query or the same query
/// again (a search page, an API client paging, many users asking for 发热). An entry holds only
/// while the index file is unchanged: `generation` is its last write time.
final class RankingCache: @unchecked Sendable {
    struct Key: Hashable {
        var expression: String
        var documents: [Int64]?
        var window: Int
    }

    /// A ranked section and what a hit shows of its document.
    struct Row: Sendable {
        var sectionID: Int64
        var path: String
        var title: String?
        var genericName: String?
        var kind: String
        var key: String?
        var heading: String
        var startLine: Int
        var score: Double
    }

    struct Ranking: Sendable {
        var total: Int
        var rows: [Row]
    }

    private let lock = NSLock()
    private var entries: [Key: Ranking] = [:]
    private var order: [Key] = []
    private var generation: Date?
    /// Rows kept in all: a few hundred searches' first pages, or fewer filtered ones.
    let budget: Int

    init(budget: Int = 200_000) { self.budget = budget }

    func ranking(for key: Key, generation: Date?, make: () throws -> Ranking) rethrows -> Ranking {
        let cached = lock.withLock { () -> Ranking? in
            if generation != self.generation {
                entries = [:]
                order = []
                self.generation = generation
            }
            return entries[key]
        }
        if let cached { return cached }
        let made = try make()
        lock.withLock {
            guard generation == self.generation, made.rows.count <= budget else { return }
            entries[key] = made
            order.append(key)
            var rows = entries.values.reduce(0) { $0 + $1.rows.count }
            while rows > budget, !order.isEmpty {  // oldest first
                let old = order.removeFirst()
                rows -= entries.removeValue(forKey: old)?.rows.count ?? 0
            }
        }
        return made
    }
}
