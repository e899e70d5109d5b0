extension Diagnostic: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("code", code)
        writer.memberIfPresent("line", line)
        writer.member("message", message)
        writer.member("severity", severity)
        writer.endObject()
    }
}

extension Diagnostic.Severity: JSONWritable {}
