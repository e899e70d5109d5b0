extension SourceSpan: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("endLine", endLine)
        writer.member("startLine", startLine)
        writer.endObject()
    }
}
