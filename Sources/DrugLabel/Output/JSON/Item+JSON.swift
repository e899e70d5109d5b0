extension Item: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("marker", marker)
        writer.member("span", span)
        writer.member("text", text)
        writer.endObject()
    }
}
