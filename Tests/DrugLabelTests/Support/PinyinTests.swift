import DrugLabel
import Testing

/// The pinyin key of a generic name, which the index keeps for search by pinyin.
@Suite("Pinyin keys")
struct PinyinTests {
    @Test("a name's key is its pinyin without tones or spaces, the same from the memo and after the memo is emptied")
    func keys() throws {
        let pinyin = try Pinyin()
        #expect(pinyin.key("阿基仑赛注射液") == "ajilunsaizhusheye")
        #expect(pinyin.key("ā jí lún sài") == "ajilunsai")
        // Asked again: from the memo, and the same as a fresh transliterator's.
        #expect(pinyin.key("阿基仑赛注射液") == "ajilunsaizhusheye")
        #expect(pinyin.key("ā jí lún sài") == (try Pinyin()).key("ā jí lún sài"))
        // Canonically equal spellings are not one key: each gets what ICU gives it.
        let precomposed = "\u{3AC}", decomposed = "\u{3B1}\u{301}"
        _ = pinyin.key(precomposed)
        #expect(pinyin.key(decomposed) == (try Pinyin()).key(decomposed))
        // More names than the memo holds: it is emptied, and the keys stay what they were.
        for n in 0..<5_000 { _ = pinyin.key("测试\(n)") }
        #expect(pinyin.key("阿基仑赛注射液") == "ajilunsaizhusheye")
        #expect(pinyin.key("测试4999") == "ceshi4999")
        #expect(pinyin.key("测试42") == "ceshi42")
    }
}
