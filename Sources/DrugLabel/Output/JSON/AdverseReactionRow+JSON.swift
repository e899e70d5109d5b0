extension AdverseReactionRow: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("arms", arms)
        writer.member("footnotes", footnotes)
        writer.memberIfPresent("soc", soc)
        writer.member("span", span)
        writer.member("term", term)
        writer.endObject()
    }
}

extension AdverseReactionRow.ArmRates: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.memberIfPresent("allGrades", allGrades)
        writer.member("arm", arm)
        writer.memberIfPresent("grade3OrWorse", grade3OrWorse)
        writer.memberIfPresent("n", n)
        writer.endObject()
    }
}
