import DrugLabel

extension LabelStore {
    /// A dose found in the index, with its document.
    public struct DoseHit: Codable, Sendable, Hashable {
        public var path: String
        public var dose: Dose
    }
}
