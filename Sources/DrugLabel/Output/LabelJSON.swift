import Foundation

/// The JSON of `druglabel parse --format json`: keys sorted, so the same input always gives
/// byte-identical output and golden files diff cleanly.
///
/// A label is written by `JSONWriter` (the model's `writeJSON`), which gives the bytes
/// `JSONEncoder` gives with the same options several times faster; anything else (reports,
/// query results) still goes through `JSONEncoder`.
public enum LabelJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder().encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Throws where `JSONEncoder` would: for a number JSON cannot hold (infinity, NaN).
    public static func encode(_ label: Label) throws -> Data {
        var writer = JSONWriter(pretty: true)
        writer.origins = label.origins
        label.writeJSON(to: &writer)
        try check(writer)
        var bytes = writer.take()
        bytes.append(UInt8(ascii: "\n"))
        return Data(bytes)
    }

    public static func decode(_ data: Data) throws -> Label {
        try JSONDecoder().decode(Label.self, from: data)
    }

    /// The same bytes as `encode(label)` without its final newline, handed to `sink` in pieces of
    /// up to about `flushSize` bytes (or a run of elements written on another core, or one
    /// element, a section or a table, when that is longer), so a 100 MB label never sits in
    /// memory whole as JSON. A number JSON cannot hold throws before the piece that holds it
    /// reaches `sink`.
    public static func write(_ label: Label, to sink: (Data) -> Void) throws {
        try writeBytes(label, to: { sink(Data($0)) })
    }

    /// `write(_:to:)` with each piece lent to `sink` as bytes, valid during the call only: no
    /// copy is made for it. Named apart so that a trailing closure picks `write` unambiguously.
    public static func writeBytes(_ label: Label, to sink: (UnsafeRawBufferPointer) -> Void) throws {
        var writer = JSONWriter(pretty: true, capacity: flushSize + flushSize / 4)
        writer.origins = label.origins
        var stream = LabelJSONStream(label)
        // `emit` is optional, hence escaping in its type; it is used during the call only.
        try withoutActuallyEscaping(sink) { sink in
            while stream.writeNext(to: &writer, batch: LabelJSONStream.elementsPerStep, emit: sink) {
                if writer.bytes.count >= flushSize { try flush(&writer, to: sink) }
            }
        }
        if !writer.bytes.isEmpty { try flush(&writer, to: sink) }
    }

    /// A label's JSON one piece at a time, each written only when asked for (a server writes
    /// each to the network before it writes the next): one piece for each element of the label's
    /// arrays, the keys between them riding along. `pretty` gives the bytes of `encode` without
    /// the final newline; otherwise the compact form, keys sorted all the same.
    public struct Pieces {
        private var stream: LabelJSONStream
        private var writer: JSONWriter

        // Throws nothing any longer; `throws` stays so callers written for the encoder compile.
        public init(_ label: Label, pretty: Bool) throws {
            stream = LabelJSONStream(label)
            writer = JSONWriter(pretty: pretty)
            writer.origins = label.origins
        }

        public mutating func next() throws -> Data? {
            guard stream.writeNext(to: &writer) else { return nil }
            try LabelJSON.check(writer)
            defer { writer.removeAll() }
            return Data(writer.bytes)
        }
    }

    /// A dose's JSON, compact, keys sorted: the bytes `JSONEncoder` gives with `.sortedKeys`,
    /// several times sooner, for a store that keeps each dose's JSON apart. Throws where the
    /// encoder would (a number JSON cannot hold).
    public static func compact(_ dose: Dose) throws -> [UInt8] { try compactBytes(dose) }

    /// The metadata's JSON, compact, keys sorted (as `compact(_: Dose)`).
    public static func compact(_ metadata: Metadata) throws -> [UInt8] { try compactBytes(metadata) }

    /// An adverse-reaction row's JSON, compact, keys sorted (as `compact(_: Dose)`): an index
    /// keeps one per row, and the encoder's boxed tree made them 2 % of an index run.
    public static func compact(_ row: AdverseReactionRow) throws -> [UInt8] { try compactBytes(row) }

    private static func compactBytes(_ value: some JSONWritable) throws -> [UInt8] {
        var writer = JSONWriter(pretty: false)
        writer.value(value)
        try check(writer)
        return writer.take()
    }

    /// Big enough that a write to a pipe or a file is no per-call cost, small enough to stay in cache.
    private static let flushSize = 64 * 1024

    private static func flush(_ writer: inout JSONWriter, to sink: (UnsafeRawBufferPointer) -> Void) throws {
        try check(writer)
        writer.bytes.withUnsafeBytes(sink)
        writer.removeAll()
    }

    /// The error `JSONEncoder` throws for a number JSON has no form for.
    private static func check(_ writer: JSONWriter) throws {
        guard let value = writer.invalidNumber else { return }
        throw EncodingError.invalidValue(value, EncodingError.Context(
            codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."))
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
