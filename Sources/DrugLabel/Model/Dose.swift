/// A dosing statement as a typed value: which drug, how much, per what, by which route, how
/// often, when, for how long, with which ceiling, under which condition, from which lines.
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

    private enum CodingKeys: String, CodingKey {
        case drug, amount, unit, unitText, per, route, frequency, schedule, duration, maximum, condition, text, section, span
    }

    /// Every key written, null where the statement does not say, so each dose has one shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(drug, forKey: .drug)
        try c.encode(amount, forKey: .amount)
        try c.encode(unit, forKey: .unit)
        try c.encode(unitText, forKey: .unitText)
        try c.encode(per, forKey: .per)
        try c.encode(route, forKey: .route)
        try c.encode(frequency, forKey: .frequency)
        try c.encode(schedule, forKey: .schedule)
        try c.encode(duration, forKey: .duration)
        try c.encode(maximum, forKey: .maximum)
        try c.encode(condition, forKey: .condition)
        try c.encode(text, forKey: .text)
        try c.encode(section, forKey: .section)
        try c.encode(span, forKey: .span)
    }
}
