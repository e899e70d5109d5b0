// Filled by later pipeline stages; part of the JSON contract from schemaVersion 1, so the
// model exists even where a stage is not built yet.

/// A measured quantity that is not a dose: a temperature, a rate, a duration.
public struct Quantity: Codable, Sendable, Hashable {
    public var kind: String
    public var value: Double?
    public var low: Double?
    public var high: Double?
    public var unit: String
    public var text: String
    public var span: SourceSpan
}
