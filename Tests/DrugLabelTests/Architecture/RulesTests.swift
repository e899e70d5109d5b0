import Foundation
@testable import DrugLabel
import Testing

/// The rule files are data a domain expert edits; these check the machinery that reads them.
@Suite("Rules as data")
struct RulesTests {
    @Test("the first characters an anchored pattern can match are read from the pattern")
    func regexLeads() throws {
        #expect(RegexLead.leads(of: "^申报信息$") == ["申"])
        #expect(RegexLead.leads(of: "^[一二三]+、") == ["一", "二", "三"])
        #expect(RegexLead.leads(of: #"^\d{4}年"#)?.count == 10)
        #expect(RegexLead.leads(of: "^(?i:page)") == nil)
        #expect(RegexLead.leads(of: "^[-—–]") == nil)
        #expect(RegexLead.leads(of: "^a*b") == nil)
        #expect(RegexLead.leads(of: "申报") == nil)
        let lead = try RegexLead("^申报信息$")
        #expect(lead.matches(folded: "申报信息") && !lead.matches(folded: "申报时间 2023") && !lead.matches(folded: "其他"))
    }

    @Test("the bundled catalogue, vocabulary and text rules load, and every order names catalogue keys")
    func bundled() throws {
        let catalogue = SectionCatalogue.standard
        let keys = Set(catalogue.entries.map(\.key))
        #expect(keys.count == catalogue.entries.count, "duplicate keys")
        for (kind, order) in catalogue.orders {
            #expect(order.allSatisfy(keys.contains), "order \(kind) names an unknown key")
        }
        #expect(catalogue.alwaysMandatory.allSatisfy(keys.contains))
        #expect(FormVocabulary.standard.entries.count > 50)
        // Every Kangxi radical maps, and the five CJK Radicals Supplement characters of seed 003.
        let rules = TextRules.standard
        #expect((0x2F00...0x2FD5).allSatisfy { rules.radicals[UInt32($0)] != nil })
        #expect(["⻣": "骨", "⻅": "见", "⻓": "长", "⻔": "门", "⻛": "风"].allSatisfy { radical, ideograph in
            rules.radicals[radical.unicodeScalars.first!.value] == ideograph.unicodeScalars.first!
        })
    }

    @Test("every bullet leader of text-rules.json is honoured, `・` and `·` as well as `*`; one taken out is text")
    func bulletLeaders() throws {
        let text = "【药品名称】\n通用名称：测试片\n【注意事项】\n・ 第一条注意\n\n* 第二条注意\n\n· 第三条注意\n【禁忌】\n尚不明确。\n"
        let standard = try LabelParser().parse(bytes: Array(text.utf8), path: "leaders.txt")
        #expect(standard.section("warnings_and_cautions")?.text == "• 第一条注意\n• 第二条注意\n• 第三条注意")
        var file = try JSONSerialization.jsonObject(with: Data(PackageResources.text_rules_json)) as! [String: Any]
        file["bulletLeaders"] = (file["bulletLeaders"] as! [String]).filter { $0 != "・" }
        let rules = try TextRules(json: JSONSerialization.data(withJSONObject: file))
        let edited = try LabelParser(rules: rules).parse(bytes: Array(text.utf8), path: "leaders.txt")
        #expect(edited.section("warnings_and_cautions")?.text == "・ 第一条注意\n• 第二条注意\n• 第三条注意")
    }

    @Test("metadata.json: its patterns must have the groups the readers take; no words match nothing")
    func metadataRules() throws {
        var file = try JSONSerialization.jsonObject(with: Data(PackageResources.metadata_json)) as! [String: Any]
        var dates = file["dates"] as! [String: Any]
        dates["datePattern"] = #"(\d{4})年(\d{1,2})月"#
        file["dates"] = dates
        #expect(throws: MetadataRules.PatternError.self) { try MetadataRules(json: JSONSerialization.data(withJSONObject: file)) }
        // An empty list is a pattern that never matches, not one that matches everywhere.
        #expect(MetadataRules.alternatives([]) == "(?:(?!))" && MetadataRules.alternatives([], group: false) == "(?!)")
        #expect(MetadataRules.alternatives(["不超過", "<", "高于"]) == "(?:不超过|高于|\\<)")
        var words = try JSONSerialization.jsonObject(with: Data(PackageResources.metadata_json)) as! [String: Any]
        var numbers = words["approvalNumbers"] as! [String: Any]
        numbers["prefixes"] = [String]()
        words["approvalNumbers"] = numbers
        let bare = try MetadataRules(json: JSONSerialization.data(withJSONObject: words))
        #expect(ApprovalNumberReader.read("国药准字：H20200001", rules: bare) == ["H20200001"])
        #expect(ApprovalNumberReader.read("国药准字：H20200001") == ["国药准字H20200001"])
    }

    @Test("every rule file a parser reads can be given in place of the bundled copy")
    func ruleSetFiles() throws {
        #expect(Set(RuleSet.File.allCases.map(\.rawValue)) == ["sections.json", "form-fields.json", "text-rules.json", "tables.json", "dosing.json", "metadata.json"])
        var file = try JSONSerialization.jsonObject(with: Data(PackageResources.metadata_json)) as! [String: Any]
        var shelfLife = file["shelfLife"] as! [String: Any]
        shelfLife["units"] = ["个月": 1, "月": 1, "年": 12, "季": 3]
        file["shelfLife"] = shelfLife
        let rules = try RuleSet(edited: [.metadata: Array(JSONSerialization.data(withJSONObject: file))])
        #expect(ShelfLifeReader.months("有效期 2 季", rules: rules.metadata) == 6 && ShelfLifeReader.months("有效期 2 季") == nil)
        #expect(throws: RuleFileError.self) { try RuleSet(edited: [.metadata: Array("{}".utf8)]) }
    }
}
