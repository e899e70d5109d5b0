import Foundation

/// Ends the run when one input takes longer than `limit`: a hang is a failure as a crash is,
/// and the input that caused it is already on disk (see `FuzzCommand`). A thread, not a
/// signal timer, because the parse cannot be interrupted from inside.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: [Int: Date] = [:]
    let limit: TimeInterval
    let onTimeout: @Sendable (Int) -> Void

    init(limit: TimeInterval, onTimeout: @escaping @Sendable (Int) -> Void) {
        self.limit = limit
        self.onTimeout = onTimeout
        let thread = Thread { [weak self] in
            while let self {
                Thread.sleep(forTimeInterval: 0.25)
                let now = Date()
                let late = self.lock.withLock { self.started.first { now.timeIntervalSince($0.value) > self.limit }?.key }
                if let late { self.onTimeout(late) }
            }
        }
        thread.start()
    }

    func begin(_ worker: Int) { lock.withLock { started[worker] = Date() } }
    func end(_ worker: Int) { lock.withLock { started[worker] = nil } }
}
