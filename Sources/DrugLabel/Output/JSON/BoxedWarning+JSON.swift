extension BoxedWarning: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("items", items)
        writer.member("span", span)
        writer.member("title", title)
        writer.endObject()
    }
}
