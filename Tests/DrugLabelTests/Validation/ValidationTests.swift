import DrugLabel
import Foundation
import TestSupport
import Testing

/// `validate`: every rule on a minimal label that breaks it, the same label keeping it, the
/// profiles inferred from the document, and the seed label.
@Suite("Validation")
struct ValidationTests {
    /// A minimal chemical-drug label that keeps every rule (checked by `keeps` below).
    static let minimal = """
        核准日期：2020 年 01 月 02 日
        修改日期：2021 年 03 月 04 日

        测试注射液说明书
        请仔细阅读说明书并在医师指导下使用

        【药品名称】
        通用名称：测试注射液
        【成份】
        活性成份：测试素。
        【性状】
        本品为白色粉末。
        【适应症】
        用于治疗测试病。
        【规格】
        100 mg/瓶
        【用法用量】
        静脉滴注，一次 100 mg，每日一次，每日最大剂量不超过 200 mg。
        【不良反应】
        临床试验中 45%（49/108）的患者出现头痛。
        表 1 不良反应
        不良反应 所有等级（%） ≥3 级（%）
        头痛 20 5
        【禁忌】
        对本品过敏者禁用。
        【注意事项】
        肝功能不全者慎用。
        【孕妇及哺乳期妇女用药】
        孕妇禁用。
        【儿童用药】
        尚不明确。
        【老年用药】
        尚不明确。
        【药物相互作用】
        尚不明确。
        【药物过量】
        尚不明确。
        【临床试验】
        尚未进行。
        【药理毒理】
        尚不明确。
        【药代动力学】
        尚不明确。
        【贮藏】
        遮光，密闭保存。
        【包装】
        西林瓶，1 瓶/盒。
        【有效期】
        24 个月
        【执行标准】
        YBH00012020
        【批准文号】
        国药准字H20200001
        【上市许可持有人】
        名称：测试制药有限公司
        【生产企业】
        企业名称：测试制药有限公司
        """

    let parser: LabelParser
    let validator: LabelValidator

    init() throws {
        parser = try LabelParser()
        validator = try LabelValidator()
    }

    func report(_ text: String, profile: String? = nil, asOf: String = "2026-11-22") throws -> ValidationReport {
        let label = try parser.parse(bytes: Array(text.utf8), path: "minimal.txt")
        return try validator.validate(label, profile: profile, asOf: asOf)
    }

    /// The rules a report names, with their severities.
    func rules(_ r: ValidationReport) -> [String] { r.findings.map { "\($0.rule) \($0.severity.rawValue)" } }

    /// The minimal label with `old` replaced by `new` (which must be there).
    func edited(_ old: String, _ new: String) -> String {
        precondition(Self.minimal.contains(old), "the minimal label has no “\(old)”")
        return Self.minimal.replacingOccurrences(of: old, with: new)
    }

    @Test("the minimal label keeps every rule")
    func keeps() throws {
        let r = try report(Self.minimal)
        #expect(r.profile == "chemical" && r.profileInferred)
        #expect(r.findings.isEmpty, "\(r.findings)")
    }

    @Test("sections: missing, twice, empty, unknown, out of order")
    func sections() throws {
        #expect(rules(try report(edited("【禁忌】\n对本品过敏者禁用。\n", ""))) == ["section.missing error"])
        let twice = try report(Self.minimal + "\n【禁忌】\n对本品过敏者禁用。\n")
        #expect(rules(twice).contains("section.duplicate error") && twice.findings.first { $0.rule == "section.duplicate" }?.line == 58)
        #expect(rules(try report(edited("【禁忌】\n对本品过敏者禁用。\n", "【禁忌】\n"))) == ["section.empty error"])
        #expect(rules(try report(edited("【贮藏】", "【特别提示】\n本品为测试用。\n【贮藏】"))) == ["section.unknown warning"])
        // 禁忌 moved after 药物过量: one section out of place, one finding.
        let moved = edited("【禁忌】\n对本品过敏者禁用。\n", "").replacingOccurrences(of: "【临床试验】", with: "【禁忌】\n对本品过敏者禁用。\n【临床试验】")
        let order = try report(moved)
        #expect(rules(order) == ["section.order warning"])
        #expect(order.findings.first?.message.contains("【禁忌】 comes after 【药物过量】") == true)
    }

    @Test("尚不明确 in 不良反应, 禁忌 or 注意事项: a warning; an error for TCM labels revised from 2026-07-01")
    func notYetKnown() throws {
        let vague = edited("对本品过敏者禁用。", "尚不明确。")
        #expect(rules(try report(vague)) == ["section.notYetKnown warning"])
        #expect(rules(try report(vague, profile: "tcm")) == ["section.notYetKnown warning"])
        let revised = vague.replacingOccurrences(of: "修改日期：2021 年 03 月 04 日", with: "修改日期：2026 年 08 月 01 日")
        #expect(rules(try report(revised, profile: "tcm")) == ["section.notYetKnown error"])
        #expect(rules(try report(revised)) == ["section.notYetKnown warning"])
    }

    @Test("holder and manufacturer after the 2019 law; the approval number's form")
    func holderAndApproval() throws {
        let noHolder = edited("【上市许可持有人】\n名称：测试制药有限公司\n", "")
        #expect(rules(try report(noHolder)) == ["holder.missing error"])
        let before = noHolder.replacingOccurrences(of: "2020 年 01 月 02 日", with: "2015 年 01 月 02 日")
            .replacingOccurrences(of: "2021 年 03 月 04 日", with: "2016 年 03 月 04 日")
        #expect(try report(before).findings.isEmpty)
        #expect(rules(try report(edited("【生产企业】\n企业名称：测试制药有限公司", ""))) == ["manufacturer.missing error"])
        #expect(rules(try report(edited("国药准字H20200001", "国药准字X2020001"))) == ["approvalNumber.form error"])
        #expect(try report(edited("国药准字H20200001", "国药准字HJ20200001")).findings.isEmpty)
    }

    @Test("dates: approval date present, revisions in order, none in the future; the title names the drug")
    func datesAndTitle() throws {
        #expect(rules(try report(edited("核准日期：2020 年 01 月 02 日\n", ""))) == ["dates.approvalMissing warning"])
        #expect(rules(try report(edited("2020 年 01 月 02 日", "2022 年 01 月 02 日"))) == ["dates.order error"])
        let future = edited("2021 年 03 月 04 日", "2027 年 03 月 04 日")
        #expect(rules(try report(future)) == ["dates.future error"])
        #expect(try report(future, asOf: "2027-06-01").findings.isEmpty)
        #expect(rules(try report(edited("测试注射液说明书", "另一种药说明书"))) == ["title.genericName warning"])
    }

    @Test("numbers that contradict themselves")
    func numbers() throws {
        #expect(rules(try report(edited("45%（49/108）", "45%（40/108）"))) == ["numbers.countMismatch error"])
        #expect(rules(try report(edited("头痛 20 5", "头痛 20 30"))) == ["numbers.grade3AboveAll error"])
        #expect(rules(try report(edited("头痛 20 5", "头痛 120 5"))) == ["numbers.percentAbove100 error"])
    }

    @Test("doses: above the label's own maximum; in a unit the strength is not given in")
    func doses() throws {
        let above = try report(edited("一次 100 mg", "一次 300 mg"))
        #expect(rules(above) == ["dose.aboveMaximum error"] && above.findings[0].line == 18)
        #expect(rules(try report(edited("一次 100 mg", "一次 2 mL").replacingOccurrences(of: "，每日最大剂量不超过 200 mg", with: "")))
                == ["dose.unitMismatch warning"])
        #expect(try report(edited("一次 100 mg", "一次 0.1 g").replacingOccurrences(of: "，每日最大剂量不超过 200 mg", with: "")).findings.isEmpty)
    }

    @Test("the profile is inferred from headings, approval number and title, or forced")
    func profiles() throws {
        #expect(try report(edited("【适应症】", "【功能主治】").replacingOccurrences(of: "国药准字H", with: "国药准字Z")).profile == "tcm")
        #expect(try report(edited("测试注射液说明书", "测试疫苗说明书").replacingOccurrences(of: "通用名称：测试注射液", with: "通用名称：测试疫苗")).profile == "vaccine")
        #expect(try report(edited("【适应症】", "【作用类别】\n解热镇痛类。\n【适应症】")).profile == "otc")
        let forced = try report(Self.minimal, profile: "otc")
        #expect(!forced.profileInferred && rules(forced).contains("section.missing error"))
        #expect(throws: LabelValidator.ValidationError.self) { try report(Self.minimal, profile: "veterinary") }
    }

    /// The seed label, read by hand: the pharmacokinetics it gives under 【临床药理】, and no
    /// 核准日期 above its two revision dates (lines 1 and 3). Its 21 percentages with counts
    /// agree with them, and its adverse-reaction tables give no grade ≥3 rate above all grades.
    @Test("the seed label")
    func seedLabel() throws {
        let label = try TestSupport.parse(TestSupport.labelName)
        let r = try validator.validate(label, asOf: "2026-11-22")
        #expect(r.profile == "chemical")
        #expect(r.findings.map { "\($0.rule) \($0.line ?? 0)" } == ["dates.approvalMissing 1", "section.standIn 1621"])
        #expect(r.errors == 0 && r.warnings == 1)
        let application = try validator.validate(try TestSupport.parse("axicabtagene-ciloleucel-nrdl-application-2023"), asOf: "2026-11-22")
        #expect(rules(application) == ["document.notLabel warning"])
    }
}
