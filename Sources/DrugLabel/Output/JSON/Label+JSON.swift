extension Label: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        var stream = LabelJSONStream(self)
        while stream.writeNext(to: &writer, batch: LabelJSONStream.elementsPerStep) {}
    }
}
