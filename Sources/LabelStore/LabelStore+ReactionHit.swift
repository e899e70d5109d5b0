import DrugLabel

extension LabelStore {
    /// An adverse-reaction row found in the index, with its document and table.
    public struct ReactionHit: Codable, Sendable, Hashable {
        public var path: String
        public var table: String
        public var row: AdverseReactionRow
    }
}
