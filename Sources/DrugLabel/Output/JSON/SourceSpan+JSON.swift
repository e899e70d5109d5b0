extension SourceSpan: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        guard let origin = writer.origins?.origin(of: self) else {
            writer.member("endLine", endLine)
            writer.member("startLine", startLine)
            writer.endObject()
            return
        }
        // Keys in sorted order, the optional ones only where the format has them.
        writer.memberIfPresent("cell", origin.cell)
        writer.member("endLine", endLine)
        writer.memberIfPresent("page", origin.page)
        writer.memberIfPresent("pageLine", origin.pageLine)
        writer.memberIfPresent("paragraph", origin.paragraph)
        writer.member("startLine", startLine)
        writer.endObject()
    }
}

extension CellAddress: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("column", column)
        writer.member("row", row)
        writer.member("table", table)
        writer.endObject()
    }
}
