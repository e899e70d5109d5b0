/// A readable outline of a parsed document for `druglabel parse --format text`.
public enum TextOutline {
    public static func render(_ label: Label) -> String {
        var out = "\(label.source.path)  [\(label.kind.rawValue), \(label.source.encoding), \(label.source.bytes) bytes]\n"
        if let title = label.title { out += "title: \(title)\n" }
        let m = label.metadata
        if let notice = m.notice { out += "notice: \(notice)\n" }
        for (name, value) in [("generic name", m.genericName), ("trade name", m.tradeName), ("English name", m.englishName),
                              ("pinyin", m.pinyin), ("standard", m.standard), ("holder", m.holder?.name),
                              ("manufacturer", m.manufacturer?.name)] {
            if let value { out += "\(name): \(value)\n" }
        }
        if !m.approvalNumbers.isEmpty { out += "approval numbers: \(m.approvalNumbers.joined(separator: ", "))\n" }
        if let approved = m.approvalDate { out += "approved: \(approved)\n" }
        for r in m.revisions { out += "revision\(r.ordinal.map { " \($0)" } ?? ""): \(r.date)\n" }
        if let s = m.storage, s.minCelsius != nil || s.maxCelsius != nil {
            out += "storage: \(s.minCelsius.map { "\(format($0)) °C" } ?? "…") to \(s.maxCelsius.map { "\(format($0)) °C" } ?? "…")\n"
        }
        if let months = m.shelfLife?.months { out += "shelf life: \(months) months\n" }
        if let w = label.boxedWarning {
            out += "\nboxed warning (lines \(w.span.startLine)–\(w.span.endLine)): \(w.title)\n"
            for item in w.items { out += "  • \(excerpt(item, 70))\n" }
        }
        if !label.sections.isEmpty { out += "\n" }
        for s in label.sections {
            out += "【\(s.heading)】 \(s.key ?? "(unknown)")  lines \(s.span.startLine)–\(s.span.endLine)\n"
            for sub in s.subsections { out += "    ▸ \(sub.heading)  lines \(sub.span.startLine)–\(sub.span.endLine)\n" }
            if s.subsections.isEmpty, !s.text.isEmpty { out += "    \(excerpt(s.text, 60))\n" }
        }
        if !label.fields.isEmpty { out += "\nfields:\n" }
        for f in label.fields { out += "  \(f.name): \(excerpt(f.value, 60))  (line \(f.span.startLine))\n" }
        for p in label.patents { out += "patent: \(p.type), expires \(p.expires ?? "?")\n" }
        for t in label.trials { out += "trial: \(t.type); comparator \(t.comparator ?? "?"); \(t.stage ?? "?")\n" }
        let notable = label.diagnostics.filter { $0.severity != .info }
        if !notable.isEmpty { out += "\n" }
        for d in notable { out += "\(d.severity.rawValue): \(d.code): \(d.message)\(d.line.map { " (line \($0))" } ?? "")\n" }
        return out
    }

    static func excerpt(_ text: String, _ length: Int) -> String {
        let flat = text.replacingAll("\n", with: " ⏎ ")
        return flat.count <= length ? flat : String(flat.prefix(length)) + "…"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
