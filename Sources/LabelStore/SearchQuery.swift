import DrugLabel

/// A user's query as an FTS5 expression over `SearchKey` trigrams: terms separated by spaces must
/// all match (AND), `OR` between terms allows either, `NOT term` or `-term` excludes, and
/// `"…"` keeps a phrase with its spaces as one term. Anything else is text: SQL, quotes and
/// FTS5 operators inside a term are searched for, never run.
public struct SearchQuery: Sendable, Hashable {
    public enum Operator: String, Sendable { case and = "AND", or = "OR", not = "NOT" }
    public struct Term: Sendable, Hashable {
        public var text: String
        public var op: Operator
    }

    public var terms: [Term]

    public init(_ query: String) {
        var terms: [Term] = []
        var pending: Operator = .and
        var i = query.startIndex
        while i < query.endIndex {
            let c = query[i]
            if c.isWhitespace { i = query.index(after: i); continue }
            var word: String
            if c == "\"" || c == "“" {
                let close: Character = c == "\"" ? "\"" : "”"
                let start = query.index(after: i)
                let end = query[start...].firstIndex(of: close) ?? query.endIndex
                word = String(query[start..<end])
                i = end < query.endIndex ? query.index(after: end) : end
            } else {
                let end = query[i...].firstIndex(where: \.isWhitespace) ?? query.endIndex
                word = String(query[i..<end])
                i = end
                if word == "OR" { pending = .or; continue }
                if word == "NOT" { pending = .not; continue }
                if word == "AND" { pending = .and; continue }
                if word.count > 1, word.hasPrefix("-") { word.removeFirst(); pending = .not }
            }
            terms.append(Term(text: word, op: terms.isEmpty && pending != .not ? .and : pending))
            pending = .and
        }
        self.terms = terms
    }

    /// The FTS5 MATCH expression, or nil when no term has anything searchable. A term with
    /// `alternatives` (an abbreviation's expansions) matches any of them.
    public func match(folder: Folder, alternatives: [String: [String]] = [:]) -> String? {
        var expression = ""
        var positives = 0
        for term in terms {
            guard let m = SearchKey.match(term.text, folder: folder) else { continue }
            let others = (alternatives[term.text] ?? []).compactMap { SearchKey.match($0, folder: folder) }.filter { $0 != m }
            let part = others.isEmpty ? m : "(" + ([m] + others).joined(separator: " OR ") + ")"
            if expression.isEmpty {
                guard term.op != .not else { continue }
                expression = part
            } else {
                expression += " \(term.op.rawValue) \(part)"
            }
            if term.op != .not { positives += 1 }
        }
        return positives > 0 ? expression : nil
    }
}
