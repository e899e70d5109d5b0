import DrugLabel

/// A dose found in the index, under its label's id.
struct DoseResult: Encodable, Sendable {
    var label: String
    var dose: Dose
}
