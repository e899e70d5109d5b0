extension Patent: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.memberIfPresent("expires", expires)
        writer.member("span", span)
        writer.member("type", type)
        writer.endObject()
    }
}
