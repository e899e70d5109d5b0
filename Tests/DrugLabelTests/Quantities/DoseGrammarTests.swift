import DrugLabel
import Foundation
import Testing

/// Each construct of the dose grammar Chinese labels use, on short sentences written for these
/// tests in the labels' style (the real labels of ../shared carry no licence to copy).
@Suite("Dose grammar")
struct DoseGrammarTests {
    let parser: LabelParser

    init() throws { parser = try LabelParser() }

    /// The doses of a label named `name` whose 【用法用量】 is `dosing` (and whose other sections
    /// are `extra`).
    func doses(_ dosing: String, name: String = "测试片", extra: String = "") throws -> [Dose] {
        let text = "【药品名称】\n通用名称：\(name)\n【规格】\n0.25g\n【用法用量】\n\(dosing)\n\(extra)【禁忌】\n对本品过敏者禁用。\n"
        return try parser.parse(bytes: Array(text.utf8), path: "grammar.txt").doses
    }

    func one(_ dosing: String, name: String = "测试片") throws -> Dose {
        let all = try doses(dosing, name: name)
        #expect(all.count == 1, "\(dosing): \(all.map(\.text))")
        return try #require(all.first)
    }

    @Test("the product is implied, the route said once for the paragraph")
    func impliedProduct() throws {
        let d = try one("口服。一次9克，一日2次。", name: "测试丸")
        #expect(d.drug == "测试丸" && d.amount.value == 9 && d.unit == "g" && d.unitText == "克" && d.per == "dose")
        #expect(d.route == "口服" && d.frequency == "一日2次")
        let capsule = try one("用法：口服\n每次2粒，每日3次。", name: "测试胶囊")
        #expect(capsule.drug == "测试胶囊" && capsule.amount.value == 2 && capsule.unit == "capsule" && capsule.route == "口服")
        #expect(capsule.frequency == "每日3次")
    }

    @Test("who: population words, headings, age bands and body weight")
    func population() throws {
        let all = try doses("口服。成人：一次2片，一日3次。小儿一次1片，一日2次。\n1～3岁一次半片；一至五岁一次3～5毫升。\n体重20kg以下：一日10mg。")
        #expect(all.map(\.population) == ["成人", "小儿", "1～3岁", "一至五岁", "体重20kg以下"])
        #expect(all.map(\.amount.value) == [2, 1, 0.5, nil, 10])
        #expect(all[3].amount.low == 3 && all[3].amount.high == 5 && all[3].unit == "mL")
        let heading = try doses("老年或有肾功能不全的患者：起始量一次5mg，一日1次。")
        #expect(heading.first?.population == "老年或有肾功能不全的患者" && heading.first?.qualifier == "initial")
        // An indication heading is not who.
        let indication = try doses("慢性支气管炎：一次10mg，一日2次。")
        #expect(indication.first?.population == nil)
    }

    @Test("per day and per time: 一日量, 每日总量, 24小时内, per weight and surface per day")
    func perTime() throws {
        let all = try doses("一日量为30mg，分3次服用。每日总量不超过60mg。按体重每日10～20mg/kg，分2次服用。一日1.4mg/m2。每日每千克体重5mg。")
        let daily = try #require(all.first)
        #expect(daily.per == "day" && daily.amount.value == 30 && daily.frequency == "分3次服用")
        #expect(all.contains { $0.per == "kg" && $0.perTime == "day" && $0.amount.low == 10 && $0.amount.high == 20 })
        #expect(all.contains { $0.per == "m2" && $0.perTime == "day" && $0.amount.value == 1.4 })
        #expect(all.contains { $0.per == "kg" && $0.perTime == "day" && $0.amount.value == 5 })
        let slash = try one("一次2mg／kg，一日1次。")
        #expect(slash.per == "kg" && slash.amount.value == 2)
    }

    @Test("ranges with every mark, fractions, halves, Chinese numerals")
    func numbers() throws {
        let marks = ["～", "~", "-", "—", "至", "到"]
        for mark in marks {
            let d = try one("一次5\(mark)10mg，一日2次。")
            #expect(d.amount.low == 5 && d.amount.high == 10, "mark \(mark)")
        }
        #expect(try one("一次1/2片，一日3次。").amount.value == 0.5)
        #expect(try one("一次半片，一日3次。").amount.value == 0.5)
        let third = try one("一次1/3～1/2粒，一日2次。")
        #expect(abs((third.amount.low ?? 0) - 1.0 / 3) < 1e-9 && third.amount.high == 0.5)
        let chinese = try one("口服，一次二片，每日三次。")
        #expect(chinese.amount.value == 2 && chinese.unit == "tablet" && chinese.frequency == "每日三次")
        // Two units of mass in one range are read in the second.
        let mixed = try one("一日500 ug-2 mg。")
        #expect(mixed.amount.low == 0.5 && mixed.amount.high == 2 && mixed.unit == "mg")
    }

    @Test("ten-thousands and powers of ten the superscript lost")
    func largeNumbers() throws {
        let wan = try one("成人一般剂量为100-600万IU，肌内注射。")
        #expect(wan.amount.low == 1_000_000 && wan.amount.high == 6_000_000 && wan.unit == "IU" && wan.population == "成人")
        let lost = try one("皮下注射，3～6106IU/日。")
        #expect(lost.amount.low == 3_000_000 && lost.amount.high == 6_000_000 && lost.unit == "IU" && lost.per == "day")
        #expect(lost.unitText == "IU")
        let single = try one("肌内注射，5106IU/m2，一周3次。")
        #expect(single.amount.value == 5_000_000 && single.per == "m2")
        // A round count of units is what it says.
        #expect(try one("一次5000单位，一日1次。").amount.value == 5000)
    }

    @Test("an equivalent in brackets is one dose; an amount on another basis is a dose of its own")
    func equivalents() throws {
        let tablet = try one("一日2.5mg（1/4片），顿服。")
        #expect(tablet.amount.value == 2.5 && tablet.alternative?.amount.value == 0.25 && tablet.alternative?.unit == "tablet")
        let bag = try one("口服，一次3克（1袋），一日2次。")
        #expect(bag.amount.value == 3 && bag.alternative?.unit == "bag")
        let basis = try doses("0～6个月：40～60微克（5～7微克/千克体重），一日1次。")
        #expect(basis.count == 2 && basis[1].per == "kg" && basis[1].amount.low == 5 && basis[1].population == "0～6个月")
        let or = try doses("每日3mg/kg或60～80mg/m2，一日1次或分次服用。")
        #expect(or.count == 2 && or[0].per == "kg" && or[1].per == "m2")
        #expect(or.allSatisfy { $0.frequency == "一日1次或分次服用" })
    }

    @Test("ceilings bound the dose before them, or stand alone; initial and maintenance doses")
    func qualifiers() throws {
        let bounded = try one("开始一次25mg，一日2次，最大量不超过100mg。")
        #expect(bounded.qualifier == "initial" && bounded.maximum?.amount.value == 100)
        let alone = try doses("一日最大剂量不超过400mg。")
        #expect(alone.count == 1 && alone[0].qualifier == "maximum" && alone[0].per == "day")
        let extreme = try doses("一次10mg，一日3次。极量一日60mg。")
        #expect(extreme.count == 2 && extreme[1].qualifier == "maximum")
        let phases = try doses("首次剂量为一次20mg，维持量一次10mg，一日1次。")
        #expect(phases.map(\.qualifier) == ["initial", "maintenance"])
    }

    @Test("frequencies as written")
    func frequencies() throws {
        #expect(try one("一次5mg，每8小时1次。").frequency == "每8小时1次")
        #expect(try one("一次40mg，顿服。").frequency == "顿服")
        #expect(try one("一次1片，每晚1次。").frequency == "每晚1次")
        #expect(try one("一次500mg，3次/周。").frequency == "3次/周")
        #expect(try one("一次1片，一日2～3次。").frequency == "一日2～3次")
    }

    @Test("a sentence that opens on the route says it for the section; two amounts compared are no dose")
    func openingRouteAndComparison() throws {
        let all = try doses("口服，一天一次，最好在早晨服用，整片吞服，不可咀嚼。\n1.高血压：一次50mg，一日一次。2.心绞痛：一次100mg，一日一次。")
        #expect(all.map(\.route) == ["口服", "口服"])
        let compared = try doses("一般一次10mg，一日1次。临床上10mg比5mg能更好地控制血压。")
        #expect(compared.count == 1 && compared[0].amount.value == 10)
    }

    @Test("routes in the statement, normalized, with what was written kept")
    func routes() throws {
        let all = try doses("一次10mg，肌内注射，一日1次。一次5g，温开水冲服，一日2次。一次1枚，塞肛，一日1次。")
        #expect(all.map(\.route) == ["肌内注射", "口服", "塞肛"])
        #expect(all[1].routeText == "冲服")
    }

    @Test("a route word inside a vessel, a disease, a procedure or a drug class is no route")
    func routeInsideTerm() throws {
        // Written for this test in the style of the indication lines under a 用法 that names the route.
        let all = try doses("用法：口服。\n预防术后下肢深静脉血栓：每天100mg。\n动静脉内瘘术后：每天50mg。\n静脉曲张：一次2片，一日2次。\n静脉滴注：一次200mg，一日1次。")
        #expect(all.map(\.route) == ["口服", "口服", "口服", "静脉滴注"], "\(all.map(\.text))")
        #expect(all.map(\.amount.value) == [100, 50, 2, 200])
        let withClass = try one("皮下注射。\n与口服降糖药合用时，一次10单位，一日1次。")
        #expect(withClass.route == "皮下注射")
        // Who the amount is for, not how it is given: `静脉炎` is no route after the amount.
        let who = try doses("口服，一次10mg，一日1次。每日20mg静脉炎加重者，应停药。")
        #expect(who.map(\.text) == ["一次10mg"])
        // Nor before a bracket: `肝静脉（…）` names no drug given by vein.
        let bracket = try doses("一次10mg，一日1次，伴肝静脉（一次10mg）。")
        #expect(bracket.allSatisfy { $0.route == nil && $0.drug == "测试片" }, "\(bracket.map { ($0.drug, $0.route) })")
    }

    @Test("two spellings of one route are that route, the first written; a forbidden route, and one joined to it, are none")
    func oneRouteTwoSpellings() throws {
        let either = try one("嚼服或冲服。一次2片，一日3次。")
        #expect(either.route == "口服" && either.routeText == "嚼服")
        let forbidden = try one("不可静脉注射，应肌内注射。一次2mg，一日1次。")
        #expect(forbidden.route == "肌内注射")
        // The ban runs on over a route joined to the forbidden one.
        let bothForbidden = try one("本品不得静脉注射或皮下注射。一次2mg，一日1次。")
        #expect(bothForbidden.route == nil)
        // In the dose's own sentence too: the route it allows, not the last one written.
        let inSentence = try doses("本品应肌内注射，不可静脉注射，一次2mg，一日1次。\n本品应肌内注射，不得静脉注射或皮下注射，一次2mg，一日1次。")
        #expect(inSentence.map(\.route) == ["肌内注射", "肌内注射"])
        // Two routes that differ still give none to the doses after them.
        let two = try one("可静脉注射或肌内注射。一次2mg，一日1次。")
        #expect(two.route == nil)
    }

    @Test("an amount divided into several times is a day's total; a count alone says no per")
    func dividedTotal() throws {
        let all = try doses("""
            口服。一般150～400mg，分次口服。
            儿童6mg/kg，分两次口服。
            一般10mg，每日1次。
            一般10mg，每日2次（部分患者需3次）。
            小儿每次5mg/kg，一日分3次服。
            开始一日10mg，分2次服用，以后逐渐增加5mg。
            """)
        #expect(all.allSatisfy { $0.drug == "测试片" }, "\(all.map(\.drug))")
        #expect(all.map(\.per) == ["day", "kg", nil, nil, "kg", "day", nil])
        #expect(all.map(\.perTime) == [nil, "day", nil, nil, nil, nil, nil])
    }

    @Test("an alternative after `；或` shares who and when in treatment with the dose before it")
    func alternativeAfterSemicolon() throws {
        let all = try doses("口服。成人开始剂量0.25克，每日3次；或0.5克，每日2次。")
        #expect(all.map(\.amount.value) == [0.25, 0.5])
        #expect(all.map(\.qualifier) == ["initial", "initial"])
        #expect(all.map(\.population) == ["成人", "成人"])
        #expect(all.map(\.frequency) == ["每日3次", "每日2次"])
    }

    @Test("steps and totals are statements of their own kind")
    func steps() throws {
        let all = try doses("开始一日25μg，每隔2～4周增加25～50μg，每次增加不超过50μg。每隔1～2日减少5mg。总剂量不超过600mg。一疗程50mg。")
        #expect(all.contains { $0.kind == "increment" && $0.amount.low == 25 && $0.amount.high == 50 })
        #expect(all.contains { $0.kind == "decrement" && $0.amount.value == 5 })
        #expect(all.contains { $0.kind == "course_total" && $0.amount.value == 50 })
        // `增加至` is a target, not a step.
        #expect(try one("可增加至一次20mg。").kind == nil)
    }

    @Test("not doses: strengths, pack sizes, composition, animals, thresholds, diluents, skin tests")
    func notDoses() throws {
        let extra = "【药理毒理】\n小鼠口服给药400mg/kg未见死亡。\n"
        let all = try doses("""
            每片含测试成分0.25g。每瓶装100片。9g*8袋/盒。
            肌酐清除率低于30ml/min时减量。用5ml注射用水溶解后注射。皮试用100单位。
            口服，一次1片，一日3次。
            """, extra: extra)
        #expect(all.count == 1 && all[0].amount.value == 1 && all[0].unit == "tablet", "\(all.map(\.text))")
    }

    @Test("another drug named in the statement is its drug; a fragment of the sentence never is")
    func otherDrugs() throws {
        let all = try doses("静脉注射美托洛尔一次5mg。可给泼尼松每日20mg。成人一日3次，一次2片。按体重每日10mg/kg。")
        #expect(all.map(\.drug) == ["美托洛尔", "泼尼松", "测试片", "测试片"])
        // An amount in a bracket after another drug and its route is that drug's.
        let rescue = try doses("口服。一次1片，一日2次。过量时给予氯化铵口服（成人每日8g，分3次服）。")
        #expect(rescue.map(\.drug) == ["测试片", "氯化铵"] && rescue.last?.amount.value == 8)
    }

    @Test("a label in Traditional characters gives the doses of its Simplified form")
    func traditional() throws {
        let simplified = try doses("口服。成人一次2片，一日3次；兒童一次1片。".replacingOccurrences(of: "兒童", with: "儿童"))
        let traditional = try doses("口服。成人一次2片，一日3次；兒童一次1片。")
        #expect(simplified.map(\.amount) == traditional.map(\.amount))
        #expect(traditional.map(\.route) == ["口服", "口服"] && traditional.count == 2)
    }
}
