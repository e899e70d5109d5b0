// As its `encode(to:)`: `key` written as null for a heading the catalogue lacks; `paragraphs`
// never written.
extension Section: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("heading", heading)
        writer.member("items", items)
        writer.member("key", key)
        writer.member("span", span)
        writer.member("subsections", subsections)
        writer.member("text", text)
        writer.endObject()
    }
}
