import Foundation

/// Files handed out one at a time to the workers, each with its place in the run (from 1).
final class WorkQueue: @unchecked Sendable {
    private let files: [String]
    private var next_ = 0
    private let lock = NSLock()

    init(_ files: [String]) { self.files = files }

    func next() -> (Int, String)? {
        lock.lock(); defer { lock.unlock() }
        guard next_ < files.count else { return nil }
        next_ += 1
        return (next_, files[next_ - 1])
    }
}
