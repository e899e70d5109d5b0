import DrugLabel
import Foundation
import TestSupport
import Testing

/// Headings as labels saved from web pages and databases write them: colons and spaces inside
/// the brackets, the name block as separate headings, spelling variants, a whole label on one
/// line, a label laid out as a pipe table. The texts are written for these tests in the labels'
/// style; the last test reads the real labels of ../shared/labels-dev where they are.
@Suite("Headings of real labels")
struct RealLabelHeadingTests {
    func parse(_ text: String) throws -> Label {
        try LabelParser().parse(bytes: Array(text.utf8), path: "t.txt")
    }

    @Test("a half-read heading before a whole one is no crash: the first is empty, the second keeps its text")
    func halfReadHeading() throws {
        for text in ["【用法\n【用法用量】每日3次\n", "【药\n【药品名称】\n通用名称：测试片\n"] {
            let label = try parse(text)
            #expect(!label.sections.isEmpty, "\(text)")
        }
    }

    @Test("colons and spaces inside the brackets; the variants web labels use")
    func bracketVariants() throws {
        let label = try parse("""
        【药品名：】测试片
        【成分：】本品主要成分为测试素。
        【性状 ： 】本品为白色片。
        【适用症：】用于测试所致的头痛。
        【产品规格：】10mg*24片/盒
        【用法与用量】口服。一次1片，一日2次。
        【副作用】偶见恶心。
        【禁忌 ：】对本品过敏者禁用。
        【注意事项】孕妇慎用。
        【药理毒性】本品可抑制测试酶。
        【药物代谢动力学】口服后2小时达峰。
        【包装规格】铝塑板包装。
        【厂家电话】010-12345678
        """)
        #expect(label.kind == .label)
        #expect(label.sections.map(\.key) == ["names", "composition", "description", "indications_and_usage",
                                              "dosage_forms_and_strengths", "dosage_and_administration", "adverse_reactions",
                                              "contraindications", "warnings_and_cautions", "nonclinical_toxicology",
                                              "pharmacokinetics", "package", nil])
        #expect(label.sections.map(\.heading) == ["药品名", "成分", "性状", "适用症", "产品规格", "用法与用量", "副作用",
                                                  "禁忌", "注意事项", "药理毒性", "药物代谢动力学", "包装规格", "厂家电话"])
        #expect(label.sections.map(\.span.startLine) == Array(1...13))
        #expect(label.section("indications_and_usage")?.text == "用于测试所致的头痛。")
        // A heading the catalogue does not know stays a section, key null, with a diagnostic.
        #expect(label.diagnostics.contains { $0.code == "segment.unknownHeading" && $0.line == 13 })
    }

    @Test("more ways labels write catalogue headings, and 【警示语】 keyed as the boxed warning")
    func moreVariants() throws {
        let label = try parse("""
        【警示语】本品可致严重肝损伤。
        【药品名称】通用名称：测试片
        【用法和用量】口服。
        【老年人用药】酌减。
        【相互作用】尚不明确。
        【用药过量】尚不明确。
        【储存】密封。
        【有效期限】24个月
        【修订日期】2015年12月01日
        """)
        #expect(label.sections.map(\.key) == ["boxed_warning", "names", "dosage_and_administration", "geriatric_use",
                                              "drug_interactions", "overdosage", "storage_and_handling", "shelf_life", "revision_dates"])
        #expect(label.metadata.shelfLife?.months == 24)
    }

    @Test("【通用名称】 and 【商品名称】 as headings of their own: names and brand_name")
    func nameHeadings() throws {
        let label = try parse("""
        【通用名称 ： 】测试缓释片
        【商品名称 ： 】舒测
        【英文名称】Ceshi Sustained-release Tablets
        【汉语拼音】Ceshi Huanshi Pian
        【成分：】测试素。
        【功能主治：】清热。
        【禁忌：】尚不明确。
        """)
        #expect(label.sections.map(\.key) == ["names", "brand_name", "english_name", "pinyin", "composition",
                                              "indications_and_usage", "contraindications"])
        #expect(label.sections.map(\.heading) == ["通用名称", "商品名称", "英文名称", "汉语拼音", "成分", "功能主治", "禁忌"])
        #expect(label.section("brand_name")?.text == "舒测")
        // The name block is never there twice: validation finds no duplicate.
        #expect(Set(label.sections.compactMap(\.key)).count == label.sections.count)
    }

    @Test("【药品名】 and 【产品名称】 are the name block")
    func otherNameBlocks() throws {
        for heading in ["药品名", "产品名称", "药品名称", "通用名"] {
            let label = try parse("【\(heading)】测试颗粒\n【成份】测试。\n【用法用量】开水冲服。\n【禁忌】尚不明确。\n")
            #expect(label.sections.first?.key == "names", "\(heading)")
            #expect(label.sections.first?.heading == heading)
        }
    }

    @Test("Traditional characters in headings are still keyed")
    func traditional() throws {
        let label = try parse("【藥品名稱】\n通用名稱：測試片\n【適應症】\n用於測試。\n【用法用量】\n口服。\n【禁忌】\n尚不明確。\n【貯藏】\n密封。\n")
        #expect(label.sections.map(\.key) == ["names", "indications_and_usage", "dosage_and_administration",
                                              "contraindications", "storage_and_handling"])
        #expect(label.sections.map(\.heading) == ["藥品名稱", "適應症", "用法用量", "禁忌", "貯藏"])
    }

    @Test("a label flattened onto one line is split at its catalogue headings")
    func flattenedLine() throws {
        let label = try parse("阿莫西林胶囊说明书 药品名称：阿莫西林胶囊 成份：本品主要成份为阿莫西林。 性状：本品为胶囊剂。 适应症：用于敏感菌所致的呼吸道感染。 用法用量：口服。成人一次0.5g，每6～8小时1次。 禁忌：青霉素过敏者禁用。\n")
        #expect(label.kind == .label)
        #expect(!label.diagnostics.contains { $0.code == "segment.noSections" })
        #expect(label.sections.map(\.key) == ["names", "composition", "description", "indications_and_usage",
                                              "dosage_and_administration", "contraindications"])
        #expect(label.sections.map(\.heading) == ["药品名称", "成份", "性状", "适应症", "用法用量", "禁忌"])
        #expect(label.sections.allSatisfy { $0.span == SourceSpan(startLine: 1, endLine: 1) })
        #expect(label.section("composition")?.text == "本品主要成份为阿莫西林。")
        #expect(label.section("dosage_and_administration")?.text == "口服。成人一次0.5g，每6～8小时1次。")
        #expect(label.title == "阿莫西林胶囊说明书")
        #expect(label.metadata.genericName == "阿莫西林胶囊")
    }

    @Test("a flattened label over a few lines; `本品主要成份：` and numbered items are not headings")
    func flattenedLines() throws {
        let label = try parse("""
        药品名称：测试片 成份：本品主要成份：测试素。 性状：本品为白色片。
        功能主治：清热解毒。 规格：每片重0.3g 用法用量：口服，一次2片，一日3次。
        不良反应：尚不明确。 禁忌：孕妇禁用。 注意事项：1. 儿童用药：遵医嘱。（2）老年用药：酌减。
        贮藏：密封。 生产企业：企业名称：测试制药有限公司 地址：测试市测试路1号
        """)
        #expect(label.kind == .label)
        #expect(label.sections.map(\.key) == ["names", "composition", "description", "indications_and_usage",
                                              "dosage_forms_and_strengths", "dosage_and_administration", "adverse_reactions",
                                              "contraindications", "warnings_and_cautions", "storage_and_handling", "manufacturer"])
        #expect(label.sections.map(\.span.startLine) == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4])
        // The labelled values of a block on one line are read one by one.
        #expect(label.metadata.manufacturer?.name == "测试制药有限公司")
        #expect(label.metadata.manufacturer?.address == "测试市测试路1号")
        #expect(label.section("composition")?.text == "本品主要成份：测试素。")
        #expect(label.section("warnings_and_cautions")?.text == "1. 儿童用药：遵医嘱。（2）老年用药：酌减。")
    }

    @Test("a label flattened with its brackets: several 【】 headings on one line")
    func flattenedBrackets() throws {
        let label = try parse("【药品名称】测试片 【成份】本品主要成份为测试素。【适应症】用于测试，详见【注意事项】。【用法用量】口服。\n【禁忌】尚不明确。 【注意事项】参见【用法用量】项下。（见【禁忌】）\n")
        #expect(label.sections.map(\.key) == ["names", "composition", "indications_and_usage", "dosage_and_administration",
                                              "contraindications", "warnings_and_cautions"])
        #expect(label.sections.map(\.span.startLine) == [1, 1, 1, 1, 2, 2])
        #expect(label.section("indications_and_usage")?.text == "用于测试，详见【注意事项】。")
        #expect(label.section("warnings_and_cautions")?.text == "参见【用法用量】项下。（见【禁忌】）")
        #expect(label.metadata.genericName == "测试片")
    }

    @Test("a label with one heading a line still reads its labelled name lines as one block")
    func bareNameBlock() throws {
        let label = try parse("药品名称\n通用名称：测试胶囊\n英文名称：Ceshi Capsules\n成份\n测试。\n适应症\n用于测试。\n用法用量\n口服。\n不良反应\n尚不明确。\n禁忌\n尚不明确。\n")
        #expect(label.sections.map(\.key) == ["names", "composition", "indications_and_usage",
                                              "dosage_and_administration", "adverse_reactions", "contraindications"])
        #expect(label.section("names")?.text == "通用名称：测试胶囊\n英文名称：Ceshi Capsules")
    }

    @Test("a label laid out as a Markdown pipe table gives its headings")
    func markdownTable() throws {
        let label = try parse("""
        | 项目 | 内容 |
        | --- | --- |
        | 产品名称 | 测试胶囊 |
        | 英文名称 | Ceshi Capsules |
        | 成份 | 本品主要成份为测试素。 |
        | 适应症 | 用于测试。 |
        |  | 也用于复测。 |
        | 用法用量 | 口服，一次2粒，一日3次。 |
        | 药品分类 | 处方药 |
        | 禁忌 | 尚不明确。 |
        """)
        #expect(label.kind == .label)
        #expect(label.sections.map(\.key) == ["names", "english_name", "composition", "indications_and_usage",
                                              "dosage_and_administration", nil, "contraindications"])
        #expect(label.sections.map(\.heading) == ["产品名称", "英文名称", "成份", "适应症", "用法用量", "药品分类", "禁忌"])
        #expect(label.sections.map(\.span.startLine) == [3, 4, 5, 6, 8, 9, 10])
        #expect(label.section("indications_and_usage")?.text == "用于测试。\n也用于复测。")
        #expect(!label.diagnostics.contains { $0.code == "segment.preambleUnread" })
        #expect(label.metadata.genericName == "测试胶囊")
        #expect(label.metadata.englishName == "Ceshi Capsules")
    }

    @Test("a web table exported without outer pipes")
    func webTable() throws {
        let label = try parse("产品名称 | 测试片\n规格 | 0.25g\n适用症 | 用于测试。\n用法与用量 | 口服。\n副作用 | 尚不明确。\n")
        #expect(label.kind == .label)
        #expect(label.sections.map(\.key) == ["names", "dosage_forms_and_strengths", "indications_and_usage",
                                              "dosage_and_administration", "adverse_reactions"])
        #expect(label.section("dosage_forms_and_strengths")?.text == "0.25g")
    }

    @Test("prose with a small table of section names is no label")
    func proseWithTable() throws {
        let prose = (1...24).map { "第\($0)段：本文讨论细胞治疗产品在临床应用中的风险管理与监管要求，并比较各国做法。" }
        let table = ["| 项目 | 要点 |", "| --- | --- |", "| 适应症 | 复发或难治性淋巴瘤 |", "| 用法用量 | 单次输注 |", "| 不良反应 | 细胞因子释放综合征 |"]
        let label = try parse((prose.prefix(12) + table + prose.dropFirst(12)).joined(separator: "\n"))
        #expect(label.kind == .article)
    }

    @Test("an article with one line that lists a drug's sections stays an article, its line whole")
    func proseWithSummaryLine() throws {
        let prose = (1...24).map { "第\($0)段：本文讨论细胞治疗产品在临床应用中的风险管理与监管要求，并比较各国做法。" }
        let summary = "该产品说明书要点如下。 适应症：复发或难治性淋巴瘤。 用法用量：单次静脉输注。 不良反应：细胞因子释放综合征。 禁忌：尚不明确。"
        let label = try parse((prose.prefix(12) + [summary] + prose.dropFirst(12)).joined(separator: "\n"))
        #expect(label.kind == .article)
    }

    // MARK: Real labels

    static let labelsDev = TestSupport.labelsDev

    /// Headings against the hand-read ones (README “How a parse is scored”: NFKC, white space
    /// and a trailing colon removed, longest common subsequence), generic names, and the share
    /// of headings without a catalogue key over all the labels.
    @Test("../shared/labels-dev: heading F1 ≥ 0.99, genericName 40/40, ≤ 1 % of headings without a key",
          .enabled(if: FileManager.default.fileExists(atPath: labelsDev.appendingPathComponent("expect").path),
                   "../shared/labels-dev is not there: nothing to check"))
    func realLabels() throws {
        let parser = try LabelParser()
        let fm = FileManager.default
        let labels = Self.labelsDev.appendingPathComponent("labels"), expect = Self.labelsDev.appendingPathComponent("expect")
        let files = try fm.contentsOfDirectory(atPath: labels.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!files.isEmpty)
        var common = 0, found = 0, wanted = 0, names = 0, expected = 0, headings = 0, withoutKey: [String] = []
        for file in files {
            let path = labels.appendingPathComponent(file).path
            let label = try parser.parse(bytes: LabelFile.read(path), path: path)
            headings += label.sections.count
            withoutKey += label.sections.filter { $0.key == nil }.map { "\(file) 【\($0.heading)】" }
            let facts = expect.appendingPathComponent(String(file.dropLast(4)) + ".json")
            guard fm.fileExists(atPath: facts.path) else { continue }
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: facts)) as! [String: Any]
            let want = (json["sections"] as! [String]).map(Self.scored)
            let got = label.sections.map { Self.scored($0.heading) }
            let lcs = Self.lcs(got, want)
            common += lcs; found += got.count; wanted += want.count
            if lcs != got.count || lcs != want.count { Issue.record("\(file): headings \(got) ≠ \(want)") }
            expected += 1
            let generic = Self.scored(json["generic_name"] as! String)
            if label.metadata.genericName.map(Self.scored) == generic { names += 1 } else {
                Issue.record("\(file): genericName \(label.metadata.genericName ?? "nil") ≠ \(generic)")
            }
        }
        let precision = Double(common) / Double(max(found, 1)), recall = Double(common) / Double(max(wanted, 1))
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        #expect(expected == 40)
        #expect(f1 >= 0.99, "heading F1 \(f1) (precision \(precision), recall \(recall))")
        #expect(names == expected, "genericName \(names)/\(expected)")
        #expect(Double(withoutKey.count) <= 0.01 * Double(headings), "without a key: \(withoutKey)")
    }

    /// NFKC, white space and a trailing colon removed.
    static func scored(_ text: String) -> String {
        var s = text.precomposedStringWithCompatibilityMapping.unicodeScalars.filter { !$0.properties.isWhitespace }
            .map(String.init).joined()
        while s.hasSuffix(":") || s.hasSuffix("：") { s.removeLast() }
        return s
    }

    static func lcs(_ a: [String], _ b: [String]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = above
            }
        }
        return row[b.count]
    }
}
