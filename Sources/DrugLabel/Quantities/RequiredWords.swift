import Foundation

/// What every match of a regular expression must contain, read from the pattern itself: each
/// match of `持续\s*[0-9]+\s*(?:天|日)` holds `持续`, each match of `(?:早晚)各…次|顿服` holds
/// `各` or `顿服`. A text that holds none of the words cannot match, so the dosing rules are
/// ruled out with a byte search before the regex engine runs (it bridges every text to
/// NSString, and most clauses it sees hold no frequency, schedule, duration or age).
///
/// The patterns are rules of dosing.json and may change: the reading is conservative. A part
/// of the pattern it does not understand (a class such as `\s`, a negated set, an optional
/// group) requires nothing; a construct that could make a literal match something else
/// (flags such as `(?i)`, lookaround, `\Q…\E`, nested sets) gives up on the whole pattern,
/// and then every text is tried.
struct RequiredWords: Sendable {
    /// Any match holds at least one of these; nil when nothing is known (every text is tried).
    let words: [String]?
    /// The same words as scalars, for text held as scalars.
    private let scalarWords: [[Unicode.Scalar]]?

    init(pattern: String) {
        var parser = Parser(Array(pattern.unicodeScalars))
        words = parser.pattern().map { Array($0).sorted() }
        scalarWords = words.map { $0.map { Array($0.unicodeScalars) } }
    }

    /// Whether `text` may hold a match: false only when it holds none of the required words.
    func admits(_ text: String) -> Bool {
        guard let words else { return true }
        return words.contains { text.containsBytes($0) }
    }

    /// Whether the scalars `s[range]` may hold a match (the same test, without a String).
    func admits(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard let words = scalarWords else { return true }
        for word in words where s.firstIndex(of: word, in: range) != nil { return true }
        return false
    }

    /// A recursive reading of the ICU pattern syntax, enough for the dosing rules. Each part
    /// gives the words one of which its every match holds (nil: none known); `failed` is set
    /// when the pattern uses something this reading does not model.
    private struct Parser {
        let p: [Unicode.Scalar]
        var i = 0
        var failed = false

        init(_ p: [Unicode.Scalar]) { self.p = p }

        mutating func pattern() -> Set<String>? {
            let words = alternation()
            if i != p.count { failed = true }
            // An empty word would admit every text anyway.
            guard !failed, let words, !words.contains("") else { return nil }
            return words
        }

        /// `a|b|c`: a match holds what one of the alternatives requires.
        private mutating func alternation() -> Set<String>? {
            var union: Set<String>? = []
            while true {
                let words = sequence()
                if let words, union != nil { union!.formUnion(words) } else { union = nil }
                guard i < p.count, p[i] == "|" else { return union }
                i += 1
            }
        }

        /// Atoms in a row: a match holds what any one of them requires; runs of plain
        /// characters make one word (`持续`). The smallest set of the longest words is kept.
        private mutating func sequence() -> Set<String>? {
            var best: Set<String>?
            var run = ""
            func consider(_ words: Set<String>?) {
                guard let words, !words.isEmpty else { return }
                guard let current = best else { best = words; return }
                let shortest = { (set: Set<String>) in set.map(\.unicodeScalars.count).min() ?? 0 }
                if words.count < current.count || (words.count == current.count && shortest(words) > shortest(current)) {
                    best = words
                }
            }
            while i < p.count, p[i] != "|", p[i] != ")" {
                guard let (atom, literal) = self.atom() else { return nil }
                let quantified = i < p.count && "*+?{".unicodeScalars.contains(p[i])
                let minimum = quantifier()
                if failed { return nil }
                if !quantified, let literal {
                    run.unicodeScalars.append(literal)
                    continue
                }
                // The run ends before this atom: `ab+c` need not hold `abc`. A repeated
                // plain character (`b+`) still stands at least once.
                consider(run.isEmpty ? nil : [run])
                run = ""
                if minimum > 0 { consider(atom) }
            }
            consider(run.isEmpty ? nil : [run])
            return best
        }

        /// One atom: what it requires, and the character when it is one plain character.
        private mutating func atom() -> (Set<String>?, Unicode.Scalar?)? {
            let c = p[i]
            i += 1
            switch c {
            case "(":
                if i < p.count, p[i] == "?" {
                    // Only a plain non-capturing group; lookaround and flags change what a literal means.
                    guard i + 1 < p.count, p[i + 1] == ":" else { failed = true; return nil }
                    i += 2
                }
                let words = alternation()
                guard i < p.count, p[i] == ")" else { failed = true; return nil }
                i += 1
                return (words, nil)
            case "[":
                let members = set()
                if failed { return nil }
                return (members.map { Set($0.map { String($0) }) }, members?.count == 1 ? members!.first : nil)
            case "\\":
                guard let scalar = escape() else { return failed ? nil : (nil, nil) }
                return ([String(scalar)], scalar)
            case ".", "^", "$":
                return (nil, nil)
            case "*", "+", "?", "{", "]", "}":
                failed = true
                return nil
            default:
                return ([String(c)], c)
            }
        }

        /// The least number of times the atom before stands: 1 with no quantifier.
        private mutating func quantifier() -> Int {
            guard i < p.count else { return 1 }
            var minimum = 1
            switch p[i] {
            case "*", "?":
                minimum = 0
                i += 1
            case "+":
                i += 1
            case "{":
                i += 1
                var n = 0, digits = 0
                while i < p.count, ("0"..."9").contains(p[i]) {
                    n = n * 10 + Int(p[i].value - 0x30)
                    digits += 1
                    i += 1
                }
                while i < p.count, p[i] != "}" {
                    guard p[i] == "," || ("0"..."9").contains(p[i]) else { failed = true; return 0 }
                    i += 1
                }
                guard digits > 0, i < p.count else { failed = true; return 0 }
                i += 1
                minimum = n
            default:
                return 1
            }
            // Lazy or possessive.
            if i < p.count, p[i] == "?" || p[i] == "+" { i += 1 }
            return minimum
        }

        /// `[...]` after its opening bracket: its members when they are plain characters and
        /// ranges of a few, else nil (`[^…]`, `\s` inside); a nested set fails the pattern.
        private mutating func set() -> [Unicode.Scalar]? {
            var members: [Unicode.Scalar] = []
            var known = true
            if i < p.count, p[i] == "^" { known = false; i += 1 }
            // `[]…]` and `[[…]]` read differently across engines: not modelled.
            if i < p.count, p[i] == "]" || p[i] == "[" { failed = true; return nil }
            while i < p.count, p[i] != "]" {
                var c = p[i]
                i += 1
                if c == "[" || (c == "&" && i < p.count && p[i] == "&") { failed = true; return nil }
                if c == "\\" {
                    guard let e = escape() else {
                        if failed { return nil }
                        known = false
                        continue
                    }
                    c = e
                }
                if i + 1 < p.count, p[i] == "-", p[i + 1] != "]" {
                    i += 1
                    var high = p[i]
                    i += 1
                    if high == "\\" {
                        guard let e = escape() else { failed = true; return nil }
                        high = e
                    }
                    guard c.value <= high.value else { failed = true; return nil }
                    if high.value - c.value > 64 { known = false; continue }
                    members += (c.value...high.value).compactMap(Unicode.Scalar.init)
                    continue
                }
                members.append(c)
            }
            guard i < p.count else { failed = true; return nil }
            i += 1
            return known && !members.isEmpty ? members : nil
        }

        /// After a backslash: the character it stands for, or nil for a class (`\s`, `\d`), an
        /// assertion (`\b`) or a back reference; `\Q` and property escapes fail the pattern.
        private mutating func escape() -> Unicode.Scalar? {
            guard i < p.count else { failed = true; return nil }
            let c = p[i]
            i += 1
            if c == "x" {
                var hex = ""
                if i < p.count, p[i] == "{" {
                    i += 1
                    while i < p.count, p[i] != "}" { hex.unicodeScalars.append(p[i]); i += 1 }
                    i += 1
                } else {
                    while i < p.count, hex.count < 2 { hex.unicodeScalars.append(p[i]); i += 1 }
                }
                guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else { failed = true; return nil }
                return s
            }
            if c == "u" {
                var hex = ""
                while i < p.count, hex.count < 4 { hex.unicodeScalars.append(p[i]); i += 1 }
                guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else { failed = true; return nil }
                return s
            }
            // Escapes whose length this reader does not know (`\Q…\E`, properties, `\N{…}`,
            // named references, `\cX` controls, `\U` and octal code points, numbered back
            // references of any length): what follows them can't be read as required text, so
            // the whole pattern requires nothing.
            if "QEpPNkcU".unicodeScalars.contains(c) || ("0"..."9").contains(c) { failed = true; return nil }
            // Other letters after a backslash are classes or assertions: nothing required.
            if c.isASCII, c.properties.isAlphabetic { return nil }
            return c
        }
    }
}
