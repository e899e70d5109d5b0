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

    @Test("scalarCount counts the scalar view, whatever the text's length modulo eight")
    func scalarCount() {
        var texts = Self.samples + DoseSpeedRegressionTests.lines
        // Every cut of a mixed text, so that each width of scalar straddles the eight-byte words.
        let mixed = "a文é𠀀b【用法】\u{3000}x🇨🇳e\u{301}一日3次，每次10 mg。"
        let scalars = Array(mixed.unicodeScalars)
        for start in 0..<scalars.count {
            for end in start...scalars.count { texts.append(String(String.UnicodeScalarView(scalars[start..<end]))) }
        }
        for text in texts {
            #expect(text.scalarCount == text.unicodeScalars.count, "\(text.debugDescription)")
        }
    }

    @Test("joinedLines gives the bytes of joined(separator: \"\\n\")")
    func joinedLines() {
        let groups: [[String]] = [[], [""], ["", ""], ["a"], Self.samples, Array(DoseSpeedRegressionTests.lines.prefix(500))]
        for texts in groups {
            let joined = texts.joinedLines { $0 }
            #expect(Array(joined.utf8) == Array(texts.joined(separator: "\n").utf8))
        }
    }

    @Test("hasBytePrefix and hasByteSuffix agree with the byte views' starts and ends, for strings and slices")
    func bytePrefixAndSuffix() {
        // Small (inline) and large strings, empty ones, and words that differ only in a
        // continuation byte (`文` E6 96 87, `斈` E6 96 88).
        let words = Self.samples + ["文", "斈", "文a", "口服", "一日3次", String(repeating: "文", count: 8), "a"]
        let texts = Self.samples + ["一日3次，每次10 mg。", String(repeating: "文", count: 9), "斈文", "口服给药", "10 mg 口服"]
        var agreed = 0
        for text in texts {
            for word in words {
                let prefix = Array(text.utf8).starts(with: Array(word.utf8))
                let suffix = Array(text.utf8).reversed().starts(with: Array(word.utf8).reversed())
                #expect(text.hasBytePrefix(word) == prefix, "\(text.debugDescription) \(word.debugDescription)")
                #expect(text.hasByteSuffix(word) == suffix, "\(text.debugDescription) \(word.debugDescription)")
                let slice = text.dropFirst(text.isEmpty ? 0 : 1)
                #expect(slice.hasBytePrefix(word) == Array(slice.utf8).starts(with: Array(word.utf8)))
                if prefix || suffix { agreed += 1 }
            }
        }
        #expect(agreed > 20)
    }
}
