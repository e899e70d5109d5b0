extension Indexer {
    /// What an index run did, file by file counted.
    public struct Summary: Sendable, Equatable {
        public var added = 0
        public var replaced = 0
        public var unchanged = 0
        public var removed = 0
        public var failed: [String] = []
        /// `PATH: reason` of what was not read: FIFOs, devices, symlinks out of the folder.
        public var skipped: [String] = []
    }
}
