/// A value that writes its own JSON, keys in sorted order, byte for byte what its `Encodable`
/// conformance gives through `JSONEncoder` with `.sortedKeys` (the tests compare the two).
protocol JSONWritable {
    func writeJSON(to writer: inout JSONWriter)
}

extension JSONWriter {
    mutating func value(_ value: some JSONWritable) {
        value.writeJSON(to: &self)
    }

    /// A key and its value; an optional value that is nil writes `null`, as `encode` does.
    mutating func member(_ key: StaticString, _ value: some JSONWritable) {
        self.key(key)
        value.writeJSON(to: &self)
    }

    /// Nothing at all for nil, as `encodeIfPresent` and synthesized conformances do.
    mutating func memberIfPresent<Value: JSONWritable>(_ key: StaticString, _ value: Value?) {
        guard let value else { return }
        member(key, value)
    }
}

extension JSONWritable where Self: RawRepresentable, RawValue == String {
    func writeJSON(to writer: inout JSONWriter) {
        writer.string(rawValue)
    }
}
