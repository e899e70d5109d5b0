@testable import DrugLabel
import Testing

/// Labelled values on one line are cut at each known label, and a label matches as Characters
/// do even where its bytes differ (the byte prefilter must not lose that).
@Suite struct LabeledLinesTests {
    @Test("several labelled values on one line are read one by one")
    func cuts() {
        #expect(LabeledLines.pieces("名称：某药业有限公司 地址：北京市 传真：010-1234", labels: ["名称", "地址", "传真"])
            == ["名称：某药业有限公司", "地址：北京市", "传真：010-1234"])
        #expect(LabeledLines.pieces("名称：某药业有限公司", labels: ["地址"]) == ["名称：某药业有限公司"])
    }

    @Test("a label written with a compatibility ideograph is still cut, as Characters compare")
    func canonicalEquivalence() {
        // U+2F946 is canonically 真: as a Character it equals the label's 真, its bytes do not.
        let text = "电话：010-1234 传\u{2F946}：010-5678"
        #expect(!LabeledLines.isCanonicallyInert(text))
        #expect(LabeledLines.pieces(text, labels: ["电话", "传真"]) == ["电话：010-1234", "传\u{2F946}：010-5678"])
        #expect(LabeledLines.isCanonicallyInert("名称：阿莫西林（Amoxicillin）胶囊，0.25g。"))
    }
}
