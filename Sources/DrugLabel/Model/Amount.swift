// Filled by later pipeline stages; part of the JSON contract from schemaVersion 1, so the
// model exists even where a stage is not built yet.

/// An amount with an optional range (`500~1000 mg`).
public struct Amount: Codable, Sendable, Hashable {
    public var value: Double?
    public var low: Double?
    public var high: Double?
}
