@testable import DrugLabel
import Foundation
import TestSupport
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

    @Test("a label found on the bytes is found where Characters find it, on every line of the corpus")
    func byteSearchAgreesWithCharacters() throws {
        let labels = (SectionCatalogue.standard.entry("names")?.labels ?? [:]).values.joined().map { $0 }
        #expect(labels.count > 3)
        var lines: [String] = []
        for folder in [TestSupport.corpus, TestSupport.labelsDev.appendingPathComponent("labels")] {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
                lines += text.split(whereSeparator: \.isNewline).map(String.init)
            }
        }
        var compared = 0, found = 0
        for line in lines + ["通用名称：甲 通用名称：乙", "名称名称", "A名称"]
        where LabeledLines.isCanonicallyInert(line) && !LabeledLines.holdsGraphemeExtender(line) {
            for label in labels + ["名称", "A"] where LabeledLines.isCanonicallyInert(label) {
                let bytes = LabeledLines.byteRanges(of: label, in: line)
                #expect(bytes == line.ranges(of: label), "\(label) in \(line)")
                compared += 1
                found += bytes.count
            }
        }
        #expect(compared > 10_000)
        #expect(found > 100)
    }

    @Test("a label joined to the next character by a zero-width joiner is not a label, as Characters read it")
    func graphemeExtender() {
        let text = "地址：北京 名称\u{200D}：某公司"
        #expect(LabeledLines.holdsGraphemeExtender(text))
        #expect(LabeledLines.byteRanges(of: "名称", in: text).count == 1)
        #expect(text.ranges(of: "名称").isEmpty)
        #expect(LabeledLines.pieces(text, labels: ["地址", "名称"]) == [text])
    }
}
