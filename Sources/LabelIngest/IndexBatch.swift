import LabelStore

/// Documents a worker has parsed and not yet written. Each commit of the index costs a
/// full-text segment and its merges, so documents go in sixteen at a time, or fewer when they
/// are large (a batch is held in memory).
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

    var isFull: Bool { documents.count >= 16 || bytes >= 8 << 20 }
}
