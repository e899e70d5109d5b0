import DrugLabel

extension LabelStore {
    /// A form field found in the index.
    public struct FieldHit: Codable, Sendable, Hashable {
        public var path: String
        public var field: Field
    }
}
