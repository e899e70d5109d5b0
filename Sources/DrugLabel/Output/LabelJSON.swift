import Foundation

/// The JSON of `druglabel parse --format json`: keys sorted, so the same input always gives
/// byte-identical output and golden files diff cleanly.
public enum LabelJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    public static func decode(_ data: Data) throws -> Label {
        try JSONDecoder().decode(Label.self, from: data)
    }
}
