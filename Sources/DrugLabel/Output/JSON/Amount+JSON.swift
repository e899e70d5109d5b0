extension Amount: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.memberIfPresent("high", high)
        writer.memberIfPresent("low", low)
        writer.memberIfPresent("value", value)
        writer.endObject()
    }
}
