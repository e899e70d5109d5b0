import LabelStore

/// Documents a worker has parsed and not yet written. Each commit of the index costs a
/// full-text segment and its merges, and rewrites the last pages of every table, so documents
/// go in sixty-four at a time, or fewer when they are large (a batch is held in memory).
/// Sixteen at a time, 4,000 labels took 7% longer to index; 256, no less than 64.
struct IndexBatch {
    struct Document {
        var number: Int
        var prepared: PreparedDocument
    }

    private(set) var documents: [Document] = []
    private var bytes = 0

    mutating func add(_ document: Document, bytes size: Int) {
        documents.append(document)
        bytes += size
    }

    var isFull: Bool { documents.count >= 64 || bytes >= 8 << 20 }
}
