import Dispatch

extension Array {
    /// `parts.flatMap { $0 }` for the results of work done on all cores, itself done on all
    /// cores: each part is copied into its own range of the result and then let go, on one
    /// thread per part. Joined on one core, the doses of a 50 MB label took a tenth of a second
    /// with the other core idle: every dose's strings retained, then released with the parts,
    /// and the fresh pages of the result faulted in. `parts` is left empty.
    static func joinedOnAllCores(_ parts: inout [[Element]]) -> [Element] {
        var total = 0
        var starts: [Int] = []
        starts.reserveCapacity(parts.count)
        for part in parts {
            starts.append(total)
            total += part.count
        }
        guard parts.count > 1, total > 0 else {
            defer { parts = [] }
            return parts.first ?? []
        }
        let firsts = starts
        let result = [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            parts.withUnsafeMutableBufferPointer { pieces in
                // Each iteration fills its own range of the buffer and empties its own part.
                nonisolated(unsafe) let pieces = pieces
                nonisolated(unsafe) let base = base
                DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
                    pieces[k].withUnsafeBufferPointer { part in
                        guard let from = part.baseAddress else { return }
                        base.advanced(by: firsts[k]).initialize(from: from, count: part.count)
                    }
                    pieces[k] = []
                }
            }
            initialized = total
        }
        parts = []
        return result
    }
}
