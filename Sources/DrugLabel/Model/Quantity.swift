/// A measured quantity that is not a dose: a temperature, a rate, a duration, a percentage
/// with its counts. `value` for one number, `low` and `high` for a range.
public struct Quantity: Codable, Sendable, Hashable {
    public var kind: String
    public var value: Double?
    public var low: Double?
    public var high: Double?
    public var unit: String
    public var text: String
    public var span: SourceSpan
}
