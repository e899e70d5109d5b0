extension Subsection: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("heading", heading)
        writer.member("span", span)
        writer.member("text", text)
        writer.endObject()
    }
}
