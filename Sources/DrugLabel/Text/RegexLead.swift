import Foundation

/// The characters an anchored pattern can start with, read from the pattern itself: `^申报信息$`
/// starts with 申, `^[一二三]、` with one of 一二三, `^\d{4}年` with a digit. Lines that start
/// otherwise are ruled out without running the regex engine (which bridges every line to
/// NSString). Nil when the pattern's start is not that simple: then every line is tried.
struct RegexLead: Sendable {
    let regex: NSRegularExpression
    private let leads: Set<Unicode.Scalar>?

    init(_ pattern: String) throws {
        regex = try NSRegularExpression(pattern: pattern)
        leads = RegexLead.leads(of: pattern)
    }

    func matches(_ text: String) -> Bool {
        if let leads {
            guard let first = text.unicodeScalars.first, leads.contains(first) else { return false }
        }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
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
