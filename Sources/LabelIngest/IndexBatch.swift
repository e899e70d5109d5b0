import LabelStore

/// Documents a worker has parsed and not yet written, handed to the run's writer whole, which
/// commits them together. Each commit costs a full-text segment (merged again later) and
/// rewrites the last pages of every table, so a commit should be large; but while a reader
/// watches the index fill, it sees each commit appear, so there it should be small.
struct IndexBatch: Sendable {
    struct Document: Sendable {
        var number: Int
        var prepared: PreparedDocument
    }

    /// When a batch is full: whichever comes first, its documents or their bytes (a batch is
    /// held in memory).
    struct Limit: Sendable, Equatable {
        var documents: Int
        var bytes: Int

        /// An index updated in place, which readers may watch. Sixteen at a time, 4,000 labels
        /// took 7% longer to index; 256, no less than 64.
        static let watched = Limit(documents: 64, bytes: 8 << 20)
        /// An index built aside (`IndexBuild.isAside`). 10,000 labels (38 MB) in 64-document
        /// commits took 12.5 s, the writer's commits holding both cores back, against 10.2 s
        /// in 1,000-document ones; 0.5 to 2 MB commits made no difference beyond noise.
        static let aside = Limit(documents: 1_024, bytes: 2 << 20)
    }

    let limit: Limit
    private(set) var documents: [Document] = []
    private var bytes = 0

    init(limit: Limit) {
        self.limit = limit
    }

    mutating func add(_ document: Document, bytes size: Int) {
        documents.append(document)
        bytes += size
    }

    var isFull: Bool { documents.count >= limit.documents || bytes >= limit.bytes }
}
