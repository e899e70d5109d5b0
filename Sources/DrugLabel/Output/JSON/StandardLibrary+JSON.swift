// The values the model is built of, written as `JSONEncoder` writes them.

extension String: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) { writer.string(self) }
}

extension Int: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) { writer.int(self) }
}

extension Double: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) { writer.double(self) }
}

extension Bool: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) { writer.bool(self) }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        if let value = self { value.writeJSON(to: &writer) } else { writer.null() }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { element.writeJSON(to: &writer) }
        writer.endArray()
    }
}

// `.sortedKeys` on Linux orders keys by their UTF-8 bytes (swift-foundation's JSONWriter), not
// by the locale-aware comparison Darwin's Foundation once used.
extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        for (key, value) in sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            writer.key(key)
            value.writeJSON(to: &writer)
        }
        writer.endObject()
    }
}
