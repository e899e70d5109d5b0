extension SourceInfo: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("bytes", bytes)
        writer.member("encoding", encoding)
        writer.member("format", format.rawValue)
        writer.member("path", path)
        writer.member("sha256", sha256)
        writer.endObject()
    }
}
