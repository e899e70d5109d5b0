import Foundation

/// The one thread that commits an index run's batches, in the order they are handed over.
/// SQLite takes one writer at a time: when each worker committed its own batch, a worker whose
/// batch was ready waited out the other's commit with its core idle (a quarter of two cores'
/// time on 10,000 labels). Workers now hand a batch over and parse on, ahead of a long commit
/// (one that merges full-text segments, say). At most `depth` batches are in the writer's
/// hands, the one being committed included; a worker handing over one more waits, holding its
/// own: so a run holds at most workers + `depth` batches (`IndexBatch` caps each).
final class BatchWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "druglabel.index.writer")
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()

    init(depth: Int = 2) {
        slots = DispatchSemaphore(value: max(1, depth))
    }

    /// Queues a commit; blocks while the writer holds `depth` commits (waiting or running).
    func submit(_ commit: @escaping @Sendable () -> Void) {
        slots.wait()
        queue.async(group: group) { [slots] in
            commit()
            slots.signal()
        }
    }

    /// Returns when every commit handed over is done.
    func finish() {
        group.wait()
    }
}
