// As its `encode(to:)`: every key of a dose, null where the statement does not say; its
// `Maximum` and `Alternative` are synthesized and leave a nil `per` out.
extension Dose: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("alternative", alternative)
        writer.member("amount", amount)
        writer.member("condition", condition)
        writer.member("drug", drug)
        writer.member("duration", duration)
        writer.member("frequency", frequency)
        writer.member("kind", kind)
        writer.member("maximum", maximum)
        writer.member("per", per)
        writer.member("perTime", perTime)
        writer.member("population", population)
        writer.member("qualifier", qualifier)
        writer.member("route", route)
        writer.member("routeText", routeText)
        writer.member("schedule", schedule)
        writer.member("section", section)
        writer.member("span", span)
        writer.member("text", text)
        writer.member("uncertainty", uncertainty)
        writer.member("unit", unit)
        writer.member("unitText", unitText)
        writer.endObject()
    }
}

extension Dose.Maximum: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("amount", amount)
        writer.memberIfPresent("per", per)
        writer.member("text", text)
        writer.member("unit", unit)
        writer.endObject()
    }
}

extension Dose.Alternative: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("amount", amount)
        writer.member("unit", unit)
        writer.member("unitText", unitText)
        writer.endObject()
    }
}
