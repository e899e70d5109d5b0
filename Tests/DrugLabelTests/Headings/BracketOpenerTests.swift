@testable import DrugLabel
import Testing

/// `hasTwoOpeners` finds the brackets' lead byte by memchr and checks the two bytes after it;
/// it must say what counting the scalars says, on every line of the corpus and labels-dev
/// (and their halves), and where a bracket's bytes are cut by the line's end.
@Suite struct BracketOpenerTests {
    @Test("hasTwoOpeners agrees with counting 【 and 〖 among the scalars")
    func agreesWithScalars() {
        let edges = ["【用法用量】【禁忌】", "【用法】", "〖a〗〖b〗", "。、【x", "【【", "【 【", "x【y】z【", "\u{3010}\u{3010}",
                     "。。。。【】【", "\u{E3}", "abc【", "【药品名称】阿莫西林胶囊 【成份】阿莫西林 【性状】本品为胶囊剂"]
        var twos = 0
        for text in edges + DoseSpeedRegressionTests.lines {
            let counted = text.unicodeScalars.filter { $0 == "【" || $0 == "〖" }.count >= 2
            #expect(BracketRuns.hasTwoOpeners(text) == counted, "\(text.debugDescription)")
            if counted { twos += 1 }
        }
        #expect(twos >= 5)
    }
}
