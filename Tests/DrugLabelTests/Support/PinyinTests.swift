import DrugLabel
import Testing

/// The pinyin key of a generic name, which the index keeps for search by pinyin.
@Suite("Pinyin keys")
struct PinyinTests {
    @Test("a name's key is its pinyin without tones or spaces, the same when asked again, after the memo is emptied too")
    func keys() throws {
        let pinyin = try Pinyin()
        #expect(pinyin.key("阿基仑赛注射液") == "ajilunsaizhusheye")
        #expect(pinyin.key("ā jí lún sài") == "ajilunsai")
        // More names than the memo holds: it is emptied, and the keys stay what they were.
        for n in 0..<5_000 { _ = pinyin.key("测试\(n)") }
        #expect(pinyin.key("阿基仑赛注射液") == "ajilunsaizhusheye")
        #expect(pinyin.key("测试42") == "ceshi42")
    }
}
