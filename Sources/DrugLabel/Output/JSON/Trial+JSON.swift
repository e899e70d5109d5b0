extension Trial: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.memberIfPresent("comparator", comparator)
        writer.member("span", span)
        writer.memberIfPresent("stage", stage)
        writer.member("type", type)
        writer.endObject()
    }
}
