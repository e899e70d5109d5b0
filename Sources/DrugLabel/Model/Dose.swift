// Filled by later pipeline stages; part of the JSON contract from schemaVersion 1, so the
// model exists even where a stage is not built yet.

/// A dosing statement as a typed value.
public struct Dose: Codable, Sendable, Hashable {
    public struct Maximum: Codable, Sendable, Hashable {
        public var amount: Amount
        public var unit: String
        public var per: String?
        public var text: String
    }
    public var drug: String
    public var amount: Amount
    public var unit: String
    public var unitText: String
    public var per: String?
    public var route: String?
    public var frequency: String?
    public var schedule: String?
    public var duration: String?
    public var maximum: Maximum?
    public var condition: String?
    public var text: String
    public var section: String?
    public var span: SourceSpan
}
