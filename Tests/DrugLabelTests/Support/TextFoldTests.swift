import Testing
@testable import DrugLabel

/// The fold's fast path must give what ICU gives, or a heading written one way would not be
/// found written the other: checked on every scalar of the safe set and on mixed strings.
@Suite struct TextFoldTests {
    let fold = try! TextFold.checked()

    @Test("every scalar the fast path folds itself folds alone as ICU folds it")
    func safeScalars() {
        var mismatches: [String] = []
        var fast = 0
        for v in UInt32(0)...0xFFFF where fold.foldsFast(v) {
            guard let s = Unicode.Scalar(v) else { continue }
            fast += 1
            let text = String(s)
            if fold.fold(text) != fold.icuFold(text) || fold.fold(s) != fold.icuFold(text) { mismatches.append(String(v, radix: 16)) }
        }
        #expect(fast > 27_500, "the safe set covers ASCII, the CJK ideographs and punctuation")
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test("strings of safe and unsafe scalars fold as ICU folds them, whichever path they take")
    func mixedStrings() {
        var generator = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = ["A", "z", " ", "\t", "藥", "药", "說", "明", "書", "（", "）", "【", "】", "，", "。", "「", "」",
                                      "Ｍ", "ｇ", "０", "\u{3000}", "·", "×", "℃", "①", "µ", "é", "e", "\u{301}", "ﬁ", "Ⅱ",
                                      "\u{2028}", "\u{A0}", "…", "㎎", "\u{F900}", "\u{FE30}"]
        for _ in 0..<3000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in pool.randomElement(using: &generator)! }))
            #expect(fold.fold(text) == fold.icuFold(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("the fold of a substring is a substring of the fold")
    func substrings() {
        let text = "【藥品名稱】通用名稱：阿基侖賽注射液 Axicabtagene Ciloleucel Injection，每袋 68 mL（２×10⁶ 個/kg）"
        let folded = fold(text)
        let scalars = Array(text.unicodeScalars)
        for start in stride(from: 0, to: scalars.count, by: 3) {
            for end in stride(from: start, through: scalars.count, by: 5) {
                let piece = fold(String(String.UnicodeScalarView(scalars[start..<end])))
                #expect(piece.isEmpty || folded.contains(piece), "\(piece)")
            }
        }
    }

    @Test("one scalar for one keeps places: white space is nil, an unsafe scalar folds when ICU makes it one")
    func scalarByScalar() {
        #expect(fold.scalar(" ") == nil && fold.scalar("\u{3000}") == nil && fold.scalar("\u{A0}") == nil)
        #expect(fold.scalar("藥") == "药" && fold.scalar("Ａ") == "a" && fold.scalar("①") == "1")
        #expect(fold.scalar("℃") == "℃")
    }
}
