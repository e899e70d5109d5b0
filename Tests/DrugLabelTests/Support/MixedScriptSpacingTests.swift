@testable import DrugLabel
import Testing

/// The single space a PDF's text puts between Chinese and Latin is not the label's: the rules
/// read past it, and every offset read maps back to the text as written.
@Suite("Mixed-script spacing")
struct MixedScriptSpacingTests {
    func removed(_ text: String) -> String? {
        MixedScriptSpacing.removed(Array(text.unicodeScalars)).map { String(String.UnicodeScalarView($0.scalars)) }
    }

    @Test("one space between Han and a digit, a Latin or a Greek letter goes; other spaces stay")
    func which() {
        #expect(removed("按体重每 1kg 每日 2-4mg，分 2 次服用") == "按体重每1kg每日2-4mg，分2次服用")
        #expect(removed("注射用重组人干扰素 α2b") == "注射用重组人干扰素α2b")
        #expect(removed("一次 2 μg") == "一次2 μg")
        // Two spaces are a gap someone laid out; Latin beside Latin keeps its space.
        #expect(removed("常见  10") == nil)
        #expect(removed("2 mg 3 mL") == nil)
        // A lone letter is a footnote mark (or a variable): it must not join the name before it.
        #expect(removed("托珠单抗 c 8 mg/kg") == nil)
        #expect(removed("维生素 C 片") == nil)
        #expect(removed("") == nil && removed(" ") == nil && removed("片 ") == nil)
    }

    @Test("each scalar read knows its offset in the text as written")
    func origin() throws {
        let text = Array("每日 0.4g，分 1～2 次服用".unicodeScalars)
        let (scalars, origin) = try #require(MixedScriptSpacing.removed(text))
        #expect(origin.count == scalars.count + 1 && origin.last == text.count)
        for (i, s) in scalars.enumerated() { #expect(text[origin[i]] == s) }
        #expect(zip(origin, origin.dropFirst()).allSatisfy { $0 < $1 })
    }
}
