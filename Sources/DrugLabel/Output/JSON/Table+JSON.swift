// `Table` and its nested types; `section` and `Arm.n` are left out when nil (synthesized),
// while a row's `group`, `unit` and `statistic` and a cell's `value` are written as null (their
// `encode(to:)`), and a cell's `ci`, `range` and `flags` are left out when nil.
extension Table: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("arms", arms)
        writer.member("caption", caption)
        writer.member("columnFootnotes", columnFootnotes)
        writer.member("columns", columns)
        writer.member("footnotes", footnotes)
        writer.member("groups", groups)
        writer.member("id", id)
        writer.member("kind", kind)
        writer.member("notes", notes)
        writer.member("rows", rows)
        writer.memberIfPresent("section", section)
        writer.member("span", span)
        writer.member("stub", stub)
        writer.endObject()
    }
}

extension Table.Kind: JSONWritable {}

extension Table.Arm: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("columns", columns)
        writer.member("footnotes", footnotes)
        writer.memberIfPresent("n", n)
        writer.member("name", name)
        writer.endObject()
    }
}

extension Table.Group: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("footnotes", footnotes)
        writer.member("label", label)
        writer.member("span", span)
        writer.endObject()
    }
}

extension Table.Cell: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.memberIfPresent("ci", ci)
        writer.memberIfPresent("flags", flags)
        writer.memberIfPresent("range", range)
        writer.member("raw", raw)
        writer.member("value", value)
        writer.endObject()
    }
}

extension Table.Cell.Flag: JSONWritable {}

extension Table.Row: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("cells", cells)
        writer.member("footnotes", footnotes)
        writer.member("group", group)
        writer.member("label", label)
        writer.member("span", span)
        writer.member("statistic", statistic)
        writer.member("unit", unit)
        writer.endObject()
    }
}

extension Table.Footnote: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("mark", mark)
        writer.member("span", span)
        writer.member("text", text)
        writer.endObject()
    }
}
