extension Quantity: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.memberIfPresent("high", high)
        writer.member("kind", kind)
        writer.memberIfPresent("low", low)
        writer.member("span", span)
        writer.member("text", text)
        writer.member("unit", unit)
        writer.memberIfPresent("value", value)
        writer.endObject()
    }
}
