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
        var pieces = try Pieces(label, pretty: true)
        while let piece = try pieces.next() { sink(piece) }
    }

    /// A label's JSON one piece at a time, each encoded only when asked for (a server writes
    /// each to the network before it encodes the next). `pretty` gives the bytes of `encode`
    /// without the final newline; otherwise the compact form, keys sorted all the same.
    public struct Pieces {
        private enum Step {
            case text(Data)
            case elements(count: Int, encode: (JSONEncoder, Int) throws -> Data)
        }

        private let encoder: JSONEncoder
        private let pretty: Bool
        private var steps: [Step] = []
        private var step = 0
        private var element = 0

        public init(_ label: Label, pretty: Bool) throws {
            encoder = pretty ? LabelJSON.encoder() : LabelJSON.compactEncoder()
            self.pretty = pretty
            var skeleton = label
            skeleton.sections = []
            skeleton.tables = []
            skeleton.fields = []
            skeleton.diagnostics = []
            skeleton.doses = []
            skeleton.quantities = []
            // In key order, as the encoder writes them.
            let streamed: [(key: String, count: Int, encode: (JSONEncoder, Int) throws -> Data)] = [
                ("diagnostics", label.diagnostics.count, { try $0.encode(label.diagnostics[$1]) }),
                ("doses", label.doses.count, { try $0.encode(label.doses[$1]) }),
                ("fields", label.fields.count, { try $0.encode(label.fields[$1]) }),
                ("quantities", label.quantities.count, { try $0.encode(label.quantities[$1]) }),
                ("sections", label.sections.count, { try $0.encode(label.sections[$1]) }),
                ("tables", label.tables.count, { try $0.encode(label.tables[$1]) }),
            ].filter { $0.count > 0 }
            var rest = Substring(String(decoding: try encoder.encode(skeleton), as: UTF8.self))
            for (key, count, encode) in streamed {
                // An empty array at depth 1 prints as `[`, a blank line, and `  ]` when pretty.
                let empty = pretty ? "\"\(key)\" : [\n\n  ]" : "\"\(key)\":[]"
                guard let range = rest.range(of: empty) else { continue }
                steps.append(.text(Data(rest[..<range.lowerBound].utf8)))
                steps.append(.text(Data((pretty ? "\"\(key)\" : [\n" : "\"\(key)\":[").utf8)))
                steps.append(.elements(count: count, encode: encode))
                steps.append(.text(Data((pretty ? "\n  ]" : "]").utf8)))
                rest = rest[range.upperBound...]
            }
            steps.append(.text(Data(rest.utf8)))
        }

        public mutating func next() throws -> Data? {
            while step < steps.count {
                switch steps[step] {
                case .text(let data):
                    step += 1
                    return data
                case .elements(let count, let encode):
                    guard element < count else { step += 1; element = 0; continue }
                    let json = try encode(encoder, element)
                    element += 1
                    if pretty { return LabelJSON.indented(json, by: 4, leadingComma: element > 1) }
                    return element > 1 ? Data([UInt8(ascii: ",")]) + json : json
                }
            }
            return nil
        }
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func compactEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
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
