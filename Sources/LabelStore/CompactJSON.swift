import Foundation

/// A value's JSON as the index keeps it: sorted keys, and no `null` members. The parse JSON
/// writes every absent field as `null` (its contract); kept per row, those nulls were a third
/// of the doses table. Reading back decodes absent and `null` alike.
enum CompactJSON {
    static func encode<T: Encodable>(_ value: T, encoder: JSONEncoder) throws -> String {
        let full = try encoder.encode(value)
        guard let object = try? JSONSerialization.jsonObject(with: full),
              let compact = try? JSONSerialization.data(withJSONObject: stripped(object), options: [.sortedKeys, .withoutEscapingSlashes])
        else { return String(decoding: full, as: UTF8.self) }
        return String(decoding: compact, as: UTF8.self)
    }

    private static func stripped(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !($0.value is NSNull) }.mapValues(stripped)
        }
        if let array = value as? [Any] { return array.map(stripped) }
        return value
    }
}
