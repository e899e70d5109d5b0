extension Abbreviation: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("long", long)
        writer.member("short", short)
        writer.member("span", span)
        writer.endObject()
    }
}
