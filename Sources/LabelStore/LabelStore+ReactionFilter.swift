
extension LabelStore {
    /// Which adverse-reaction rows to return. Every filter given must hold; none given is every row.
    public struct ReactionFilter: Sendable, Hashable {
        /// Folded, as search folds: `发热` finds `发热性中性粒细胞减少症`, `發熱` finds `发热`.
        public var term: String?
        /// The whole term rather than a part of it, for callers that ask for one term exactly.
        public var exactTerm: Bool
        /// At least this all-grade percentage, and at least this grade-3-or-worse percentage, in one arm.
        public var minAll: Double?
        public var minGrade3: Double?

        public init(term: String? = nil, exactTerm: Bool = false, minAll: Double? = nil, minGrade3: Double? = nil) {
            self.term = term
            self.exactTerm = exactTerm
            self.minAll = minAll
            self.minGrade3 = minGrade3
        }
    }
}
