import Foundation

/// The characters an anchored pattern can start with, read from the pattern itself: `^申报信息$`
/// starts with 申, `^[一二三]、` with one of 一二三, `^\d{4}年` with a digit. Lines that start
/// otherwise are ruled out without running the regex engine (which bridges every line to
/// NSString). Nil when the pattern's start is not that simple: then every line is tried.
///
/// The pattern is a rule of the resource files: it is folded (`RuleFold.pattern`) and runs on
/// folded text, so that one rule in Simplified holds for Traditional and full-width text.
struct RegexLead: Sendable {
    let regex: NSRegularExpression
    private let leads: Set<Unicode.Scalar>?

    init(_ pattern: String) throws {
        let folded = RuleFold.pattern(pattern)
        regex = try NSRegularExpression(pattern: folded)
        leads = RegexLead.leads(of: folded)
    }

    /// Whether the pattern matches `text`, which must be in its `RuleFold` form.
    func matches(folded text: String) -> Bool {
        firstMatch(folded: text) != nil
    }

    /// The first match in `text` (in its `RuleFold` form). Its ranges hold in the text as
    /// written too: the fold keeps every UTF-16 offset.
    func firstMatch(folded text: String) -> NSTextCheckingResult? {
        guard mayStart(with: text.firstScalar) else { return nil }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    }

    /// Whether the pattern matches `text` as written (its fold, that is).
    func matches(folding text: String) -> Bool {
        firstMatch(folding: text) != nil
    }

    /// The first match in `RuleFold.fold(text)`, whose ranges hold in `text`. The first scalar
    /// is folded and tried alone before the line is: most lines start otherwise.
    func firstMatch(folding text: String) -> NSTextCheckingResult? {
        guard mayStart(with: text.firstScalar.map(RuleFold.fold)) else { return nil }
        let folded = RuleFold.fold(text)
        return regex.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded))
    }

    /// Whether a folded text starting with `first` may match: false only where the pattern's
    /// leads rule it out.
    private func mayStart(with first: Unicode.Scalar?) -> Bool {
        guard let leads else { return true }
        return first.map(leads.contains) ?? false
    }

    static func leads(of pattern: String) -> Set<Unicode.Scalar>? {
        let s = Array(pattern.unicodeScalars)
        guard s.count >= 2, s[0] == "^" else { return nil }
        var result: Set<Unicode.Scalar> = []
        var next = 2
        switch s[1] {
        case "\\":
            guard s.count >= 3, s[2] == "d" else { return nil }
            result = Set((0x30...0x39).compactMap(Unicode.Scalar.init))
            next = 3
        case "[":
            guard let close = s[2...].firstIndex(of: "]") else { return nil }
            let members = s[2..<close]
            if members.contains("-") || members.contains("\\") || members.first == "^" { return nil }
            result = Set(members)
            next = close + 1
        case "(", ")", ".", "*", "+", "?", "{", "|", "$":
            return nil
        default:
            result = [s[1]]
        }
        // `^a*…`, `^a?…` or `^a{0,2}…` may not start with a at all; `^a{4}` must.
        if next < s.count {
            if s[next] == "*" || s[next] == "?" { return nil }
            if s[next] == "{", next + 1 >= s.count || s[next + 1] == "0" || s[next + 1] == "," { return nil }
        }
        return result
    }
}
