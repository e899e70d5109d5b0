extension Indexer {
    /// What an index run says as it goes, file by file: from its worker threads, and from its
    /// writer's thread for the documents a commit wrote or refused (`BatchWriter`). A slow
    /// handler there holds back the commits after it.
    public enum Event: Sendable {
        case done(path: String, index: Int, total: Int)
        case failed(path: String, reason: String)
        /// Not a document to read (a FIFO, a symlink leading out of the folder): said, not failed.
        case skipped(path: String, reason: String)
    }
}
