extension Revision: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("date", date)
        writer.memberIfPresent("ordinal", ordinal)
        writer.member("span", span)
        writer.endObject()
    }
}
