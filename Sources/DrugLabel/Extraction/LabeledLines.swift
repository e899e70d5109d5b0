/// `通用名称：阿基仑赛注射液`: the label before the first colon and the value after it, with the
/// label matched against a section's label table (sections.json `labels`).
struct LabeledLines {
    let labels: [String: [String]]

    /// The value and span for each property, first occurrence wins.
    func read(_ paragraphs: [Paragraph]) -> [String: (value: String, span: SourceSpan)] {
        var folded: [(String, String)] = []  // (folded label, property)
        for (property, names) in labels { for name in names { folded.append((CheapFold.fold(name), property)) } }
        folded.sort { $0.0.count > $1.0.count || ($0.0.count == $1.0.count && $0.1 < $1.1) }
        var result: [String: (value: String, span: SourceSpan)] = [:]
        for p in paragraphs {
            guard let colon = p.text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
            let label = CheapFold.fold(String(p.text[..<colon]))
            let value = String(p.text[p.text.index(after: colon)...]).trimmingSpaces()
            guard !value.isEmpty, let property = folded.first(where: { $0.0 == label })?.1,
                  result[property] == nil else { continue }
            result[property] = (value, p.span)
        }
        return result
    }
}
