/// An amount with its unit as read from text: `500~1000 mg`, `2.0 × 106个抗 CD19 CAR-T 细胞/kg 体重`,
/// `2 〜 5 mL/分钟`, `20°C~25°C`. Positions are scalar offsets in the text it was read from.
struct Measure: Sendable, Hashable {
    var amount: Amount
    /// The normalized unit (`mg`, `cells`, `°C`, `mL/min`).
    var unit: String
    /// As written (`mg`, `个抗 CD19 CAR-T 细胞`).
    var unitText: String
    /// mass, volume, units, cells, form, temperature, duration, percentage, rate, concentration.
    var kind: String
    /// `kg`, `m2`, `dose`, `bag`, `day` or nil.
    var per: String?
    /// `day` for `mg/kg/日`: a weight or surface dose per day.
    var perTime: String? = nil
    var start: Int
    var end: Int
    /// Of a kind a dose can be (`DoseReader.doseKinds`): decided once, as the reader asks at
    /// every step.
    var isDose = false
    /// The whole measure as written. Made on demand: most measures read are never shown.
    func text(in s: [Unicode.Scalar]) -> String {
        s.string(start..<end)
    }
}
