@testable import DrugLabel
import Foundation
import TestSupport
import Testing

/// The shortcuts the dosing stage takes for speed give the answers of the slow ways they
/// replace: a text ruled out before a regex runs has no match, a scalar ruled out before the
/// numeral lookup is no numeral, scalars made into a String read back the same.
@Suite("Dose reading shortcuts")
struct DoseSpeedRegressionTests {
    /// Every line of the corpus and the labels beside it, and each half of each line.
    static let lines: [String] = {
        var texts: [String] = []
        let folders = [TestSupport.corpus, TestSupport.labelsDev.appendingPathComponent("labels")]
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
                for line in text.split(whereSeparator: \.isNewline) {
                    let scalars = Array(line.unicodeScalars)
                    let half = scalars.count / 2
                    texts += [String(line), String(String.UnicodeScalarView(scalars[..<half])), String(String.UnicodeScalarView(scalars[half...]))]
                }
            }
        }
        return texts
    }()

    @Test("a text a dosing pattern matches always holds one of the pattern's required words")
    func requiredWordsAreRequired() throws {
        let rules = DosingRules.standard
        var patterns: [(NSRegularExpression, RequiredWords)] = []
        for set in [rules.frequency, rules.schedule, rules.duration] {
            patterns += zip(set.regexes, set.required)
        }
        patterns.append((rules.ageBand, rules.ageBandWords))
        patterns.append((rules.cellUnit, RequiredWords(pattern: rules.cellUnit.pattern)))
        #expect(Self.lines.count > 1000)
        for (regex, words) in patterns {
            #expect(words.words != nil, "\(regex.pattern): nothing required, every text is tried")
            var matched = 0
            for text in Self.lines where regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                matched += 1
                #expect(words.admits(text), "\(regex.pattern) matches “\(text)” but its words \(words.words ?? []) rule it out")
                let scalars = Array(text.unicodeScalars)
                #expect(words.admits(scalars, 0..<scalars.count))
            }
            #expect(matched > 0, "\(regex.pattern) matched no line: the test proves nothing for it")
        }
    }

    @Test("the pattern reading gives up on what it does not model and keeps runs apart")
    func requiredWordsReading() {
        #expect(RequiredWords(pattern: "持续\\s*[0-9]+\\s*(?:天|日)").words == ["持续"])
        #expect(RequiredWords(pattern: "顿服|(?:每[日天])").words == ["每", "顿服"])
        // `ab+c` matches `abbc`: `abc` is not required, `a` (or `b`, or `c`) is.
        #expect(RequiredWords(pattern: "ab+c").words?.contains("abc") == false)
        #expect(RequiredWords(pattern: "a?b*").words == nil)
        #expect(RequiredWords(pattern: "(?i)mg").words == nil)
        #expect(RequiredWords(pattern: "(?=a)b").words == nil)
        #expect(RequiredWords(pattern: "a|").words == nil)
        // Escapes of unknown length: what follows them is not text to require.
        for pattern in ["\\U0001F600次", "\\cM次", "\\0101次", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10次"] {
            #expect(RequiredWords(pattern: pattern).words == nil, "\(pattern)")
        }
        #expect(RequiredWords(pattern: "[^a]").words == nil)
        #expect(RequiredWords(pattern: "\\Qa\\E").words == nil)
    }

    @Test("no scalar the numeral shortcut rules out is a Chinese numeral")
    func numeralCandidates() {
        for v in UInt32(0)...0x10_FFFF {
            guard let s = Unicode.Scalar(v), ChineseNumeral.digitValue(s) != nil else { continue }
            #expect(MeasureReader.mayBeNumeral(s), "U+\(String(v, radix: 16)) is a numeral to ChineseNumeral but ruled out")
        }
    }

    @Test("the ideograph shortcut of the abbreviation reader agrees with the Unicode property")
    func ideographs() {
        for v in UInt32(0)...0xFFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(AbbreviationReader.isIdeographic(s) == s.properties.isIdeographic, "U+\(String(v, radix: 16))")
        }
    }

    @Test("scalars made into a String and a String made into scalars read back the same")
    func scalarText() {
        var generator = SplitMix(seed: 0x5CA1A7)
        let pool = Array("aZ 0 。，（）细胞 μg ½ é 𠀋 😀 \u{3000}\u{A0}\t".unicodeScalars)
        for _ in 0..<2000 {
            let scalars = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! }
            let a = Int.random(in: 0...scalars.count, using: &generator)
            let b = Int.random(in: a...scalars.count, using: &generator)
            let text = String(String.UnicodeScalarView(scalars[a..<b]))
            #expect(scalars.string(a..<b) == text)
            #expect(scalars.string(a..<b).utf8.elementsEqual(text.utf8))
            #expect([Unicode.Scalar](scalarsOf: text) == Array(scalars[a..<b]))
            #expect(scalars.string(scalars.trimmed(a..<b)) == text.trimmingSpaces())
        }
    }

    /// Edge cases the corpus may lack: brackets at the end, each kind of white space, capitals
    /// and not, full-width digits, digits next to multi-byte characters.
    static let edges: [String] = [
        "", "（", "(", "（）", "( )", "（CRS）", "(CRS)", "（ CRS）", "(\tIL-6)", "(\u{A0}ICANS)", "（\u{3000}CAR）",
        "（crs）", "（细胞）", "（\u{3000}", "文（(A", "（（B）", "abc（\u{0C}\rZ", "（Ａ）", "（\u{2003}A）",
        "１", "第一次", "９０ mg", "a9", "日\u{FF10}", "\u{FF1A}", "\u{FF0F}", "¹²", "٣",
    ]

    @Test("a paragraph the abbreviation shortcut passes over holds no bracket with a capital after white space")
    func abbreviationShortcut() {
        // The slow way: over the scalars, as `AbbreviationReader.read` looks at a bracket.
        func reference(_ text: String) -> Bool {
            let s = Array(text.unicodeScalars)
            for i in s.indices where s[i] == "（" || s[i] == "(" {
                var j = i + 1
                while j < s.count, String.isSpace(s[j]) { j += 1 }
                if j < s.count, ("A"..."Z").contains(s[j]) { return true }
            }
            return false
        }
        var held = 0
        for text in Self.lines + Self.edges {
            #expect(AbbreviationReader.mayHoldShortForm(text) == reference(text), "\(text.debugDescription)")
            if reference(text) { held += 1 }
        }
        #expect(held > 100, "the corpus defines abbreviations")
    }

    @Test("a text the digit shortcut passes over holds no digit the number reader reads")
    func digitShortcut() {
        var held = 0
        for text in Self.lines + Self.edges {
            let reference = text.unicodeScalars.contains { NumberReader.digit($0) != nil }
            #expect(NumberReader.holdsDigit(text) == reference, "\(text.debugDescription)")
            if reference { held += 1 }
        }
        #expect(held > 1000)
    }
}
