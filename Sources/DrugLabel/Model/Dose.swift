/// A dosing statement as a typed value: which drug, how much, per what, for whom, by which
/// route, how often, when, for how long, with which ceiling, under which condition, from which
/// lines.
public struct Dose: Codable, Sendable, Hashable {
    /// A ceiling of the dose (`最大量不超过100μg`, `不超过 800 mg`).
    public struct Maximum: Codable, Sendable, Hashable {
        public var amount: Amount
        public var unit: String
        public var per: String?
        public var text: String
    }

    /// The same dose counted in another unit of the product (`5mg（1/4片）`, `3克（1袋）`).
    public struct Alternative: Codable, Sendable, Hashable {
        public var amount: Amount
        public var unit: String
        public var unitText: String
    }

    public var drug: String
    public var amount: Amount
    /// The unit code (mg, μg, IU, tablet …); `unitText` as written.
    public var unit: String
    public var unitText: String
    /// kg, m2 (weight or body-surface doses), dose (one administration), day (a daily total),
    /// bag, or nil when the statement does not say.
    public var per: String?
    /// For a weight or surface dose, the time it is per (`按体重每日10～20mg/kg`: day).
    public var perTime: String?
    /// Who the dose is for, as written (`成人`, `0～6个月`, `老年或有心血管疾病患者`).
    public var population: String?
    /// initial (`开始`, `首次`), maintenance (`维持`) or maximum (a ceiling that bounds no other
    /// dose of the statement); nil for an ordinary dose.
    public var qualifier: String?
    /// increment, decrement, total or course_total for steps and totals; nil for a dose.
    public var kind: String?
    public var alternative: Alternative?
    /// The route, normalized (`冲服` is 口服); `routeText` as written.
    public var route: String?
    public var routeText: String?
    public var frequency: String?
    public var schedule: String?
    public var duration: String?
    public var maximum: Maximum?
    public var condition: String?
    /// Why this reading may be wrong, when the text it came from is uncertain: a prose-table
    /// cell whose column the table reader could not establish (its `condition` names that
    /// column). Nil for a dose read from text that is where it belongs.
    public var uncertainty: String?
    public var text: String
    public var section: String?
    public var span: SourceSpan

    public init(drug: String, amount: Amount, unit: String, unitText: String, per: String? = nil, perTime: String? = nil,
                population: String? = nil, qualifier: String? = nil, kind: String? = nil, alternative: Alternative? = nil,
                route: String? = nil, routeText: String? = nil, frequency: String? = nil, schedule: String? = nil,
                duration: String? = nil, maximum: Maximum? = nil, condition: String? = nil, uncertainty: String? = nil,
                text: String, section: String?, span: SourceSpan) {
        self.drug = drug
        self.amount = amount
        self.unit = unit
        self.unitText = unitText
        self.per = per
        self.perTime = perTime
        self.population = population
        self.qualifier = qualifier
        self.kind = kind
        self.alternative = alternative
        self.route = route
        self.routeText = routeText
        self.frequency = frequency
        self.schedule = schedule
        self.duration = duration
        self.maximum = maximum
        self.condition = condition
        self.uncertainty = uncertainty
        self.text = text
        self.section = section
        self.span = span
    }

    private enum CodingKeys: String, CodingKey {
        case drug, amount, unit, unitText, per, perTime, population, qualifier, kind, alternative, route, routeText,
             frequency, schedule, duration, maximum, condition, uncertainty, text, section, span
    }

    /// Every key written, null where the statement does not say, so each dose has one shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(drug, forKey: .drug)
        try c.encode(amount, forKey: .amount)
        try c.encode(unit, forKey: .unit)
        try c.encode(unitText, forKey: .unitText)
        try c.encode(per, forKey: .per)
        try c.encode(perTime, forKey: .perTime)
        try c.encode(population, forKey: .population)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(kind, forKey: .kind)
        try c.encode(alternative, forKey: .alternative)
        try c.encode(route, forKey: .route)
        try c.encode(routeText, forKey: .routeText)
        try c.encode(frequency, forKey: .frequency)
        try c.encode(schedule, forKey: .schedule)
        try c.encode(duration, forKey: .duration)
        try c.encode(maximum, forKey: .maximum)
        try c.encode(condition, forKey: .condition)
        try c.encode(uncertainty, forKey: .uncertainty)
        try c.encode(text, forKey: .text)
        try c.encode(section, forKey: .section)
        try c.encode(span, forKey: .span)
    }
}
