import Foundation

/// Answers kept while the index file is unchanged: `generation` is its last write time, and a
/// new one empties the cache. Entries are weighed (rows, ids) and the oldest go first once the
/// total passes `budget`; one heavier than the budget is not kept at all.
///
/// File times move in clock ticks of a few milliseconds, so a write in the same tick as the
/// last one would leave the time unchanged. An answer is therefore kept only once the last
/// write is `settle` old: any later write then falls in a later tick and shows.
final class GenerationCache<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: (value: Value, weight: Int)] = [:]
    private var order: [Key] = []
    private var total = 0
    private var generation: Date?
    let budget: Int
    let weigh: (Value) -> Int
    let settle: TimeInterval = 0.05

    init(budget: Int, weigh: @escaping (Value) -> Int) {
        self.budget = budget
        self.weigh = weigh
    }

    func value(for key: Key, generation: Date?, make: () throws -> Value) rethrows -> Value {
        let cached = lock.withLock { () -> Value? in
            if generation != self.generation {
                entries = [:]
                order = []
                total = 0
                self.generation = generation
            }
            return entries[key]?.value
        }
        if let cached { return cached }
        let made = try make()
        if let generation, Date().timeIntervalSince(generation) < settle { return made }
        let weight = max(1, weigh(made))
        lock.withLock {
            guard generation == self.generation, weight <= budget, entries[key] == nil else { return }
            entries[key] = (made, weight)
            order.append(key)
            total += weight
            while total > budget, !order.isEmpty {
                total -= entries.removeValue(forKey: order.removeFirst())?.weight ?? 0
            }
        }
        return made
    }
}

/// A search's ranking: how many sections match, and the best of them (up to the window it was
/// made for) with what a hit shows of their documents.
struct Ranking: Sendable {
    struct Key: Hashable {
        var expression: String
        /// The drug and holder filters (the documents they keep are fixed while the index is).
        var filter: [String?]
        var window: Int
    }

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

    var total: Int
    var rows: [Row]
}
