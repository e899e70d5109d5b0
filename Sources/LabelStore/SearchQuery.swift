import DrugLabel

/// A user's query as an FTS5 expression over `SearchKey` pairs: terms separated by spaces must
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

    /// The terms the MATCH expression is made of, in order: those with something searchable,
    /// less NOT terms before the first positive one (a query cannot start with an exclusion).
    /// The first one's operator is `.and`: it joins it to nothing.
    public func searchableTerms(fold: TextFold) -> [Term] {
        var result: [Term] = []
        for term in terms where SearchKey.match(term.text, fold: fold) != nil {
            if result.isEmpty {
                guard term.op != .not else { continue }
                result.append(Term(text: term.text, op: .and))
            } else {
                result.append(term)
            }
        }
        return result
    }

    /// The FTS5 MATCH expression, or nil when no term has anything searchable. A term with
    /// `alternatives` (an abbreviation's expansions) matches any of them; an excluded term
    /// leaves out its capital short forms, which only count as written and as whole tokens
    /// (`SearchKey.isCapitalShortForm`): folded, they would exclude too much, and the sections
    /// that hold them are judged again (`holds`).
    public func match(fold: TextFold, alternatives: [String: [String]] = [:]) -> String? {
        let parts = searchableTerms(fold: fold)
        guard !parts.isEmpty else { return nil }
        return parts.enumerated().map { i, term in
            let m = SearchKey.match(term.text, fold: fold) ?? ""
            let others = (alternatives[term.text] ?? [])
                .filter { term.op != .not || !SearchKey.isCapitalShortForm($0) }
                .compactMap { SearchKey.match($0, fold: fold) }.filter { $0 != m }
            let part = others.isEmpty ? m : "(" + ([m] + others).joined(separator: " OR ") + ")"
            return i == 0 ? part : "\(term.op.rawValue) \(part)"
        }.joined(separator: " ")
    }

    /// Whether the query holds for a section, given whether each of its `searchableTerms` does
    /// (by index): the MATCH expression's logic, with FTS5's precedence (NOT binds tighter
    /// than AND, AND tighter than OR).
    static func holds(_ parts: [Term], _ term: (Int) -> Bool) -> Bool {
        var group = true
        for (i, part) in parts.enumerated() {
            if i > 0 && part.op == .or {
                if group { return true }
                group = true
            }
            // A group already false stays so: its other terms need not be looked at.
            guard group else { continue }
            let found = term(i)
            group = i > 0 && part.op == .not ? !found : found
        }
        return group
    }
}
