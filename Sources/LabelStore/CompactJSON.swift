import DrugLabel
import Foundation

/// A value's JSON as the index keeps it: no `null` members. The parse JSON writes every absent
/// field as `null` (its contract); kept per row, those nulls were a third of the doses table.
/// Reading back decodes absent and `null` alike.
///
/// The encoder's compact output is rewritten once, byte by byte, without its null members
/// (`NullMembers`): parsing it into Foundation objects and serializing them again took half of
/// the time of preparing a document for the index.
enum CompactJSON {
    static func encode<T: Encodable>(_ value: T, encoder: JSONEncoder) throws -> String {
        // NullMembers reads the encoder's compact form (`"a":null`); pretty-printed members
        // (`"a" : null`) would pass through with their nulls.
        precondition(!encoder.outputFormatting.contains(.prettyPrinted), "CompactJSON needs a compact encoder")
        let full = try encoder.encode(value)
        return String(decoding: NullMembers.removed(from: full), as: UTF8.self)
    }

    /// A dose as `encode` gives it, from the parser's own JSON writer: the encoder's tree of
    /// boxed values made the doses' JSON a tenth of preparing a document for the index.
    static func encode(_ dose: Dose) throws -> String {
        String(decoding: NullMembers.removed(from: try LabelJSON.compact(dose)), as: UTF8.self)
    }

    /// An adverse-reaction row as `encode` gives it, from the parser's JSON writer.
    static func encode(_ row: AdverseReactionRow) throws -> String {
        String(decoding: NullMembers.removed(from: try LabelJSON.compact(row)), as: UTF8.self)
    }
}

extension CompactJSON {
    /// The metadata with its `null` members, as the documents table has always kept it.
    static func withNulls(_ metadata: Metadata) throws -> String {
        String(decoding: try LabelJSON.compact(metadata), as: UTF8.self)
    }
}
