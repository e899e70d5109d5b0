
extension LabelStore {
    /// Which rows of an answer to return: `limit` nil for all of them.
    public struct Page: Sendable, Hashable {
        public var limit: Int?
        public var offset: Int
        public init(limit: Int? = nil, offset: Int = 0) {
            self.limit = limit
            self.offset = offset
        }
        public static let all = Page()
    }
}
