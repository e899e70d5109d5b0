extension Storage: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.memberIfPresent("maxCelsius", maxCelsius)
        writer.memberIfPresent("minCelsius", minCelsius)
        writer.member("span", span)
        writer.member("text", text)
        writer.endObject()
    }
}
