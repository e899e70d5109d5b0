import LabelStore

/// What every worker of one index run shares: where to write, what the index held when the
/// run began, and where to say what happened.
struct IndexRun: Sendable {
    let store: LabelStore
    /// Paths and hashes indexed before the run.
    let indexed: [String: String]
    /// How many files the run reads.
    let total: Int
    let tally: IndexTally
    /// Commits the workers' batches, one at a time.
    let writer: BatchWriter
    /// How large the workers' batches grow.
    let batchLimit: IndexBatch.Limit
    let onEvent: @Sendable (Indexer.Event) -> Void

    func failed(_ path: String, _ error: any Error) {
        tally.add(.failed, path: path, reason: "\(error)")
        onEvent(.failed(path: path, reason: "\(error)"))
    }
}
