extension Field: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("name", name)
        writer.member("span", span)
        writer.member("value", value)
        writer.endObject()
    }
}
