import Foundation

extension DosingRules {
    /// Regular expressions of one kind (frequency, schedule, duration), each with the words
    /// one of which its every match holds: a text without any is ruled out by a byte search,
    /// and most texts the reader asks about are.
    struct Patterns: Sendable {
        let regexes: [NSRegularExpression]
        let required: [RequiredWords]

        init(_ patterns: [String]) throws {
            regexes = try patterns.map { try NSRegularExpression(pattern: $0) }
            required = patterns.map { RequiredWords(pattern: $0) }
        }

        /// The leftmost match of any of the patterns (the first pattern's on a tie).
        func firstMatch(in text: String) -> Range<String.Index>? {
            var best: Range<String.Index>?
            for (regex, words) in zip(regexes, required) where words.admits(text) {
                guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), let r = Range(m.range, in: text) else { continue }
                if best == nil || r.lowerBound < best!.lowerBound { best = r }
            }
            return best
        }

        /// The first match of any of the patterns in `text`, as written.
        func first(in text: String) -> String? {
            var best: (Int, String)?
            for (regex, words) in zip(regexes, required) where words.admits(text) {
                guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                      let r = Range(m.range, in: text) else { continue }
                if best == nil || m.range.location < best!.0 { best = (m.range.location, String(text[r])) }
            }
            return best?.1
        }
    }
}
