import Foundation

/// What the workers of an index run did, gathered under a lock.
final class IndexTally: @unchecked Sendable {
    enum Outcome { case added, replaced, unchanged, failed }

    private var counts: [Outcome: Int] = [:]
    private var failures: [String] = []
    private let lock = NSLock()

    func add(_ outcome: Outcome, path: String, reason: String = "") {
        lock.lock(); defer { lock.unlock() }
        counts[outcome, default: 0] += 1
        if outcome == .failed { failures.append("\(path): \(reason)") }
    }

    func tally() -> (added: Int, replaced: Int, unchanged: Int, failed: [String]) {
        lock.lock(); defer { lock.unlock() }
        return (counts[.added] ?? 0, counts[.replaced] ?? 0, counts[.unchanged] ?? 0, failures.sorted())
    }
}
