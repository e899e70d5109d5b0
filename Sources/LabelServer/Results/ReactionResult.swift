import DrugLabel

/// An adverse-reaction table row found in the index, under its label's id and table.
struct ReactionResult: Encodable, Sendable {
    var label: String
    var table: String
    var row: AdverseReactionRow
}
