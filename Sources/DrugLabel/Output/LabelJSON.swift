import Foundation

/// The JSON of `druglabel parse --format json`: keys sorted, so the same input always gives
/// byte-identical output and golden files diff cleanly.
public enum LabelJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder().encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    public static func decode(_ data: Data) throws -> Label {
        try JSONDecoder().decode(Label.self, from: data)
    }

    /// The same bytes as `encode(label)` without its final newline, handed to `sink` piece by
    /// piece: the long arrays (sections, tables, doses, quantities, fields, diagnostics) are encoded one element at a
    /// time, so a 100 MB label never sits in memory as one JSON tree and one buffer.
    public static func write(_ label: Label, to sink: (Data) -> Void) throws {
        let encoder = encoder()
        var skeleton = label
        skeleton.sections = []
        skeleton.tables = []
        skeleton.fields = []
        skeleton.diagnostics = []
        skeleton.doses = []
        skeleton.quantities = []
        // Each element is encoded when its turn comes, never all of them at once.
        let streamed: [(key: String, count: Int, element: (Int) throws -> Data)] = [
            ("diagnostics", label.diagnostics.count, { try encoder.encode(label.diagnostics[$0]) }),
            ("doses", label.doses.count, { try encoder.encode(label.doses[$0]) }),
            ("fields", label.fields.count, { try encoder.encode(label.fields[$0]) }),
            ("quantities", label.quantities.count, { try encoder.encode(label.quantities[$0]) }),
            ("sections", label.sections.count, { try encoder.encode(label.sections[$0]) }),
            ("tables", label.tables.count, { try encoder.encode(label.tables[$0]) }),
        ].filter { $0.1 > 0 }
        var rest = Substring(String(decoding: try encoder.encode(skeleton), as: UTF8.self))
        // An empty array at depth 1 prints as `[`, a blank line, and `  ]`.
        for (key, count, element) in streamed {
            let empty = "\"\(key)\" : [\n\n  ]"
            guard let range = rest.range(of: empty) else { continue }
            sink(Data(rest[..<range.lowerBound].utf8))
            sink(Data("\"\(key)\" : [\n".utf8))
            for i in 0..<count {
                sink(indented(try element(i), by: 4, leadingComma: i > 0))
            }
            sink(Data("\n  ]".utf8))
            rest = rest[range.upperBound...]
        }
        sink(Data(rest.utf8))
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// An element encoded alone, moved `by` spaces right as it would stand inside the array;
    /// blank lines (inside empty arrays) stay blank, as the encoder writes them.
    private static func indented(_ json: Data, by width: Int, leadingComma: Bool) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 4)
        if leadingComma { out += [UInt8(ascii: ","), 0x0A] }
        json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var start = 0
            let n = bytes.count
            while start < n {
                var end = start
                while end < n && bytes[end] != 0x0A { end += 1 }
                if end > start { out.append(contentsOf: repeatElement(0x20, count: width)) }
                out.append(contentsOf: bytes[start..<min(end + 1, n)])
                start = end + 1
            }
        }
        return Data(out)
    }
}
