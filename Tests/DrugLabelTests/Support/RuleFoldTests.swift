@testable import DrugLabel
import Foundation
import Testing

/// The fold the rules run on: Simplified, half-width, and offset for offset the text as written.
@Suite("Rule fold")
struct RuleFoldTests {
    @Test("Traditional as Simplified, full-width as ASCII, white space and case kept")
    func folds() {
        #expect(RuleFold.fold("第 12 頁/共 27 頁") == "第 12 页/共 27 页")
        #expect(RuleFold.fold("表１．　CRS 分級") == "表1. CRS 分级")
        #expect(RuleFold.fold("符合「保基本」原則") == "符合“保基本”原则")
        #expect(RuleFold.fold("Page 3 of 9") == "Page 3 of 9")
        #expect(RuleFold.fold("") == "")
    }

    @Test("a run of scalars has its ideographs simplified as each scalar folds alone, and is nil when none changes")
    func simplifiedIdeographs() {
        let ideographs = (UInt32(0x4E00)...0x9FFF).compactMap(Unicode.Scalar.init)
        let mixed = ideographs + Array("（Ｎ＝２４）藥品 a頁𠀀".unicodeScalars)
        let simplified = RuleFold.simplifiedIdeographs(mixed)
        #expect(simplified == mixed.map { (0x4E00...0x9FFF).contains($0.value) ? RuleFold.fold($0) : $0 })
        #expect(simplified?[mixed.count - 2] == "页" && simplified?[mixed.count - 6] == "药")
        #expect(RuleFold.simplifiedIdeographs(Array("药品说明书 ＮＡ".unicodeScalars)) == nil)
        #expect(RuleFold.simplifiedIdeographs([]) == nil)
    }

    @Test("the fold keeps every UTF-16 offset, so a match in it is a match in the text",
          arguments: ["第 12 頁/共 27 頁", "（Ｎ＝２４）藥品", "𠀀a頁😀b", "\u{3000}註：", "a\u{301}頁"])
    func offsets(text: String) {
        let folded = RuleFold.fold(text)
        #expect(folded.utf16.count == text.utf16.count)
        #expect(folded.unicodeScalars.count == text.unicodeScalars.count)
    }

    @Test("a pattern is folded as its text is, and a full-width bracket or colon in it stays a literal")
    func patterns() throws {
        let colon = try RegexLead("^日期[:：]\\s*(\\d+)$")
        #expect(colon.matches(folded: RuleFold.fold("日期：12")) && colon.matches(folded: RuleFold.fold("日期:12")))
        let bracket = try RegexLead("^（[一二]）項$")
        #expect(bracket.matches(folded: RuleFold.fold("（一）項")) && bracket.matches(folded: RuleFold.fold("(二)项")))
        let escaped = try RegexLead("^a\\（$")
        #expect(escaped.matches(folded: "a("))
        let traditional = try RegexLead("^第\\d+頁$")
        #expect(traditional.matches(folded: RuleFold.fold("第3页")))
    }

    @Test("the scalar-by-scalar fold of word lists folds Traditional too, as the whole fold does")
    func scalarFold() throws {
        let fold = try TextFold.checked()
        for word in ["註：", "所有等級", "中位值（範圍）", "核心專利類型1", "下載文件"] {
            let scalars = String(String.UnicodeScalarView(word.unicodeScalars.compactMap(fold.scalar)))
            #expect(scalars == fold(word), "\(word)")
        }
    }
}
