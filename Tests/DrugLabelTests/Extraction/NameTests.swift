import DrugLabel
import Testing

/// The product's names from whichever name block a label has: 【药品名称】 with labelled lines,
/// 【通用名称】/【商品名称】/【英文名称】 as headings, 【药品名】 or 【产品名称】 with the name as text,
/// or failing all of them the title `…说明书`. Texts written for these tests.
@Suite("Names")
struct NameTests {
    func parse(_ text: String) throws -> Label {
        try LabelParser().parse(bytes: Array(text.utf8), path: "t.txt")
    }

    @Test("【药品名称】 with 通用名称, 商品名称, 英文名称 and 汉语拼音 lines")
    func labelledLines() throws {
        let m = try parse("测试片说明书\n【药品名称】\n通用名称：测试片\n商品名称：舒测\n英文名称：Ceshi Tablets\n汉语拼音：Ceshi Pian\n【成份】\n测试素。\n【禁忌】\n尚不明确。\n").metadata
        #expect(m.genericName == "测试片")
        #expect(m.tradeName == "舒测")
        #expect(m.englishName == "Ceshi Tablets")
        #expect(m.pinyin == "Ceshi Pian")
        #expect(m.$genericName.span == SourceSpan(startLine: 3, endLine: 3))
    }

    @Test("【通用名称】, 【商品名称】 and 【英文名称】 headings whose text is the name")
    func nameHeadings() throws {
        let m = try parse("【通用名称 ： 】测试缓释片 \n【商品名称 ： 】舒测\n【英文名称：】Ceshi Sustained-release Tablets\n【成分：】测试素。\n【禁忌：】尚不明确。\n").metadata
        #expect(m.genericName == "测试缓释片")
        #expect(m.tradeName == "舒测")
        #expect(m.englishName == "Ceshi Sustained-release Tablets")
        #expect(m.$tradeName.span == SourceSpan(startLine: 2, endLine: 2))
    }

    @Test("【药品名】, 【药品名：】 and 【产品名称】: the text is the generic name")
    func nameAsText() throws {
        for heading in ["【药品名】   ", "【药品名：】", "【产品名称】", "【药品名称】"] {
            let m = try parse("\(heading)测试颗粒\n【成份】测试。\n【禁忌】尚不明确。\n").metadata
            #expect(m.genericName == "测试颗粒", "\(heading)")
        }
        let below = try parse("【药品名称】\n测试颗粒\n【成份】\n测试。\n【禁忌】\n尚不明确。\n").metadata
        #expect(below.genericName == "测试颗粒")
        #expect(below.$genericName.span == SourceSpan(startLine: 2, endLine: 2))
    }

    @Test("a generic name with its English name in brackets gives both")
    func englishInBrackets() throws {
        let m = try parse("【药品名】测试胶囊（Ceshi Capsules）\n【成份】测试。\n【禁忌】尚不明确。\n").metadata
        #expect(m.genericName == "测试胶囊")
        #expect(m.englishName == "Ceshi Capsules")
    }

    @Test("a generic name followed by its English name after a space gives both; a company before it does not")
    func englishAfterSpace() throws {
        let m = try parse("【药品名称】测试胶囊 Ceshi Capsules\n【成份】测试。\n【禁忌】尚不明确。\n").metadata
        #expect(m.genericName == "测试胶囊")
        #expect(m.englishName == "Ceshi Capsules")
        let company = try parse("【药品名：】测试堂 测试丸\n【成份】测试。\n【禁忌】尚不明确。\n").metadata
        #expect(company.genericName == "测试堂 测试丸")
        #expect(company.englishName == nil)
        let letter = try parse("【药品名：】测试素A\n【成份】测试。\n【禁忌】尚不明确。\n").metadata
        #expect(letter.genericName == "测试素A")
    }

    @Test("no name block: the title without 说明书")
    func fromTitle() throws {
        let label = try parse("测试软膏说明书\n请仔细阅读说明书并按说明使用。\n【成份】\n测试。\n【功能主治】\n止痒。\n【禁忌】\n尚不明确。\n")
        #expect(label.metadata.genericName == "测试软膏")
        #expect(label.metadata.$genericName.span == SourceSpan(startLine: 1, endLine: 1))
        let spaced = try parse("测试软膏 说 明 书\n【成份】\n测试。\n【禁忌】\n尚不明确。\n")
        #expect(spaced.metadata.genericName == "测试软膏")
        // A name block wins over the title.
        let both = try parse("测试软膏说明书\n【药品名称】\n通用名称：复方测试软膏\n【禁忌】\n尚不明确。\n")
        #expect(both.metadata.genericName == "复方测试软膏")
    }

    @Test("Traditional headings: 【通用名稱】 and 【商品名稱】")
    func traditional() throws {
        let m = try parse("【通用名稱】測試片\n【商品名稱】舒測\n【適應症】用於測試。\n【禁忌】尚不明確。\n").metadata
        #expect(m.genericName == "測試片")
        #expect(m.tradeName == "舒測")
    }

    @Test("a flattened label: the names on one line with the sections")
    func flattened() throws {
        let m = try parse("药品名称：测试胶囊 英文名称：Ceshi Capsules 成份：测试素。 适应症：用于测试。 用法用量：口服，一次1粒。 禁忌：尚不明确。\n").metadata
        #expect(m.genericName == "测试胶囊")
        #expect(m.englishName == "Ceshi Capsules")
        let labelled = try parse("【药品名称】通用名称：测试胶囊 商品名称：舒测 英文名称：Ceshi Capsules\n【成份】测试素。\n【禁忌】尚不明确。\n").metadata
        #expect(labelled.genericName == "测试胶囊")
        #expect(labelled.tradeName == "舒测")
        #expect(labelled.englishName == "Ceshi Capsules")
    }

    @Test("a pipe-table label's 产品名称 row")
    func pipeTable() throws {
        let m = try parse("| 产品名称 | 测试片 |\n| 商品名称 | 舒测 |\n| 成份 | 测试素。 |\n| 适应症 | 用于测试。 |\n| 禁忌 | 尚不明确。 |\n").metadata
        #expect(m.genericName == "测试片")
        #expect(m.tradeName == "舒测")
    }
}
