extension ShelfLife: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.memberIfPresent("months", months)
        writer.member("span", span)
        writer.member("text", text)
        writer.endObject()
    }
}
