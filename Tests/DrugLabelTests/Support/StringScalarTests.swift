@testable import DrugLabel
import Testing

/// The first and last scalars read off the UTF-8 are the scalar view's, for every width of
/// scalar, for slices, and for the corpus's lines.
@Suite struct StringScalarTests {
    static let samples: [String] = ["", "a", "ab", "é", "é文", "文", "【用法用量】", "𠀀", "a𠀀", "𠀀b", "\u{FEFF}x", "x\u{300}",
                                    "（1）口服。", " ", "\u{3000}", "🇨🇳", "e\u{301}"]

    @Test("firstScalar and lastScalar agree with unicodeScalars.first and .last")
    func agreeWithScalarView() {
        for text in Self.samples + DoseSpeedRegressionTests.lines {
            #expect(text.firstScalar == text.unicodeScalars.first, "\(text.debugDescription)")
            #expect(text.lastScalar == text.unicodeScalars.last, "\(text.debugDescription)")
        }
        for text in Self.samples where !text.isEmpty {
            // A slice that starts and ends inside the text.
            let inner = text.dropFirst()
            #expect(inner.firstScalar == inner.unicodeScalars.first)
            #expect(inner.lastScalar == inner.unicodeScalars.last)
        }
        #expect(DoseSpeedRegressionTests.lines.count > 1000)
    }

    @Test("joinedLines gives the bytes of joined(separator: \"\\n\")")
    func joinedLines() {
        let groups: [[String]] = [[], [""], ["", ""], ["a"], Self.samples, Array(DoseSpeedRegressionTests.lines.prefix(500))]
        for texts in groups {
            let joined = texts.joinedLines { $0 }
            #expect(Array(joined.utf8) == Array(texts.joined(separator: "\n").utf8))
        }
    }
}
