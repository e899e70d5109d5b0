import Foundation

/// What the workers ran, gathered under a lock.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var runs = 0, parsed = 0, bytes = 0

    func add(parsed ok: Bool, bytes size: Int) {
        lock.withLock {
            runs += 1
            if ok { parsed += 1 }
            bytes += size
        }
    }

    func snapshot() -> (runs: Int, parsed: Int, bytes: Int) { lock.withLock { (runs, parsed, bytes) } }

    /// The first worker that could not start.
    final class Failure: @unchecked Sendable {
        private let lock = NSLock()
        private var first: String?
        func set(_ message: String) { lock.withLock { if first == nil { first = message } } }
        var message: String? { lock.withLock { first } }
    }
}
