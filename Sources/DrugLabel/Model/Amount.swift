/// An amount with an optional range (`500~1000 mg`).
public struct Amount: Codable, Sendable, Hashable {
    public var value: Double?
    public var low: Double?
    public var high: Double?
}
