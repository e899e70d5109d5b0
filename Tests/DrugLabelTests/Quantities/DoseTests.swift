@testable import DrugLabel
import Foundation
import TestSupport
import Testing

/// Numbers, measures and dosing statements, on odd input as well as on the corpus.
@Suite("Doses and quantities")
struct DoseTests {
    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test("a plain integer is never read as a power of ten; after × and 10 it always is")
    func powersOfTen() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let n = Int.random(in: 0...99_999, using: &generator)
            // Plain, in the contexts a label puts numbers in.
            for text in ["\(n)", "共 \(n) 例", "\(n)例患者", "第\(n)天", "10\(n)", "\(n) mg", "（\(n)）"] {
                let s = scalars(text)
                guard let start = s.firstIndex(where: { NumberReader.digit($0) != nil }),
                      let number = NumberReader.read(s, at: start) else { continue }
                let written = Double(String(String.UnicodeScalarView(s[start..<number.end])))
                #expect(!number.scientific && number.value == written, "\(text) read as \(number.value)")
            }
            // `× 10` then one or two digits: the superscript lost by extraction.
            let e = Int.random(in: 1...12, using: &generator)
            for text in ["2.0 × 10\(e)个", "1.5×10\(e)", "3 x 10^\(e) 细胞", "2×10\(superscript(e))"] {
                let number = NumberReader.read(scalars(text), at: 0)
                #expect(number?.scientific == true && abs((number?.value ?? 0) - (text.hasPrefix("2.0") || text.hasPrefix("2×") ? 2 : text.hasPrefix("1.5") ? 1.5 : 3) * NumberReader.pow10(e)) < 1e-6 * NumberReader.pow10(e), "\(text)")
            }
        }
        #expect(NumberReader.read(scalars("75,000/mm3"), at: 0)?.value == 75_000)
        #expect(NumberReader.read(scalars("１０ mg"), at: 0)?.value == 10)
        #expect(NumberReader.read(scalars("2.5 × ULN"), at: 0)?.value == 2.5)
    }

    func superscript(_ e: Int) -> String {
        let map: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]
        return String(String(e).map { map[$0]! })
    }

    @Test("ranges with every mark, the unit on one end or both, per weight and body surface, rates, temperatures")
    func measures() {
        let reader = MeasureReader(rules: .standard)
        func one(_ text: String) -> Measure? { reader.measures(in: scalars(text)).first }
        #expect(one("12.5 ~25 mg")?.amount == Amount(value: nil, low: 12.5, high: 25))
        #expect(one("12.5mg-50mg")?.amount == Amount(value: nil, low: 12.5, high: 50))
        #expect(one("500至1000 mg")?.amount == Amount(value: nil, low: 500, high: 1000))
        #expect(one("1.5 × 106 ~2.0 × 106个抗 CD19 CAR-T 细胞/kg 体重").map { [$0.unit, $0.per ?? ""] } == ["cells", "kg"])
        #expect(one("500 mg/m2")?.per == "m2")
        #expect(one("2 〜 5 mL/分钟").map { [$0.kind, $0.unit] } == ["rate", "mL/min"])
        #expect(one("20°C~25°C")?.amount == Amount(value: nil, low: 20, high: 25))
        #expect(one("低于零下 150 摄氏度")?.amount.value == -150)
        #expect(one("总胆红素≤ 1.5mg/dL")?.kind == "concentration")
        #expect(one("一次两片")?.amount.value == 2)
        #expect(one("106 例") == nil)
        #expect(one("10 次") == nil)
    }

    @Test("odd input gives a sensible value or nothing, never a crash")
    func oddInput() throws {
        let parser = try LabelParser()
        let texts = [
            "【用法用量】\n静脉给予地塞米松 10。\n【禁忌】\n无。\n【不良反应】\n无。",
            "【用法用量】\n口服对乙酰氨基酚５００ｍｇ，一日３次。\n【禁忌】\n无。\n【不良反应】\n无。",
            "【用法用量】\n~ mg / kg 至 ～ 〜 × 10 ^ - 。 1.5×10\n【禁忌】\n无。\n【不良反应】\n无。",
            "【用法用量】\n给予 12.5 ~25 mg\n【禁忌】\n无。\n【不良反应】\n无。",
        ]
        let labels = try texts.map { try parser.parse(bytes: Array($0.utf8), path: "odd.txt") }
        #expect(labels[0].doses.isEmpty)
        let fullWidth = try #require(labels[1].doses.first)
        #expect(fullWidth.drug == "对乙酰氨基酚" && fullWidth.amount.value == 500 && fullWidth.unit == "mg" && fullWidth.route == "口服")
        #expect(fullWidth.frequency == "一日３次")
        #expect(labels[2].doses.isEmpty)
        // No drug named: not a dose of anything.
        #expect(labels[3].doses.isEmpty)
    }

    @Test("table cells carry their grade as the condition and their own source line")
    func tableDoses() throws {
        let label = try TestSupport.parse(TestSupport.labelName)
        let tocilizumab = try #require(label.doses.first { $0.drug == "托珠单抗" })
        #expect(tocilizumab.condition == "表 3 2 级（托珠单抗）" && tocilizumab.span.startLine == 1158)
        #expect(tocilizumab.maximum?.amount.value == 800 && tocilizumab.route == "静脉")
        let grade1 = label.doses.filter { $0.condition?.hasPrefix("表 4 1 级") == true }.map(\.span.startLine)
        #expect(grade1 == [1340, 1344, 1348, 1354])
        // The target dose keeps its ceiling; the acceptable range is a qualifier of it.
        let target = try #require(label.doses.first { $0.section == "dosage_forms_and_strengths" && $0.amount.value == 2e6 })
        #expect(target.maximum?.amount.value == 2e8 && target.maximum?.per == "dose")
        #expect(label.doses.contains { $0.condition == "可接受范围" && $0.amount.low == 1.5e6 && $0.amount.high == 2e6 })
        // A study's median dose is not an instruction.
        #expect(!label.doses.contains { $0.text.contains("中位剂量") })
        #expect(label.quantities.contains { $0.kind == "temperature" && $0.value == -150 })
        #expect(label.quantities.contains { $0.kind == "percentage" && $0.value == 45 && $0.text.hasSuffix("45%（49/108）") })
        #expect(!label.quantities.contains { $0.kind == "rate" && $0.text.contains("清除率") })
    }

    @Test("an OTC label: Chinese numerals, a route said once, who each dose is for")
    func otc() throws {
        let text = "【药品名称】\n通用名称：布洛芬片\n【用法用量】\n口服。成人一次1片，一日3次；儿童一次半片，每日两次。\n【禁忌】\n对本品过敏者禁用。\n【不良反应】\n少见。\n"
        let label = try LabelParser().parse(bytes: Array(text.utf8), path: "otc.txt")
        #expect(label.doses.map(\.drug) == ["布洛芬片", "布洛芬片"])
        #expect(label.doses.map(\.amount.value) == [1, 0.5] && label.doses.map(\.unit) == ["tablet", "tablet"])
        #expect(label.doses.map(\.route) == ["口服", "口服"] && label.doses.map(\.population) == ["成人", "儿童"])
        #expect(label.doses.map(\.frequency) == ["一日3次", "每日两次"])
        #expect(label.doses.allSatisfy { $0.span == SourceSpan(line: 4) })
    }

    /// Text taken from a PDF has a space wherever a word processor set its Asian/Latin gap;
    /// the same label typed has none. Both read the same, and the statement is quoted as written.
    @Test("a space between Chinese and Latin (PDF text) reads as no space; the quote keeps it")
    func mixedScriptSpacing() throws {
        let typed = "【药品名称】\n通用名称：测试多苷片\n【用法用量】\n口服，按体重每1kg每日2-4mg，分2次服用。成人一次20mg，一日2次。\n【禁忌】\n孕妇禁用。\n"
        let printed = "【药品名称】\n通用名称：测试多苷片\n【用法用量】\n口服，按体重每 1kg 每日 2-4mg，分 2 次服用。成人一次 20mg，一日 2 次。\n【禁忌】\n孕妇禁用。\n"
        let a = try LabelParser().parse(bytes: Array(typed.utf8), path: "typed.txt")
        let b = try LabelParser().parse(bytes: Array(printed.utf8), path: "printed.txt")
        let read = { (l: Label) in l.doses.map { "\($0.amount) \($0.unit) \($0.per ?? "-") \($0.perTime ?? "-") \($0.population ?? "-") \($0.frequency ?? "-") \($0.route ?? "-")" } }
        #expect(read(a).count == 2)
        #expect(read(b) == read(a))
        #expect(b.doses.first?.per == "kg" && b.doses.first?.perTime == "day")
        #expect(b.doses.map(\.frequency) == ["分2次服用", "一日2次"])
        #expect(b.doses.first?.text == "按体重每 1kg 每日 2-4mg")
        #expect(b.doses.last?.text.hasSuffix("一次 20mg") == true)
        #expect(b.doses.allSatisfy { $0.span == SourceSpan(line: 4) })
        // Two spaces inside the statement: quoted as written, the run of spaces one.
        let wide = "【药品名称】\n通用名称：测试片\n【用法用量】\n口服。成人每次 1  片，每日 3 次。\n"
        #expect(try LabelParser().parse(bytes: Array(wide.utf8), path: "wide.txt").doses.map(\.text) == ["成人每次 1 片"])
        // A footnote mark after a drug's name stays apart from it.
        let marked = "【药品名称】\n通用名称：测试注射液\n【用法用量】\n静脉给予托珠单抗 c 8 mg/kg，给药时间不短于 1 小时。\n"
        let c = try LabelParser().parse(bytes: Array(marked.utf8), path: "marked.txt")
        #expect(c.doses.map(\.drug) == ["托珠单抗"])
    }

    @Test("who a later clause of the first sentence names is for that clause, not for the sentences after it")
    func clausePopulation() throws {
        let text = "【药品名称】\n通用名称：测试普利片\n【用法用量】\n口服。起始一日4mg，分2次服，严重肾功能不全者为一日2mg。此后视疗效调整，通常维持量为一日8-16mg。\n"
        let label = try LabelParser().parse(bytes: Array(text.utf8), path: "clause.txt")
        #expect(label.doses.map(\.population) == [nil, "严重肾功能不全者", nil])
        let lead = "【药品名称】\n通用名称：测试片\n【用法用量】\n成人一次2片，一日3次。饭后服用，一日最多8片。\n"
        #expect(try LabelParser().parse(bytes: Array(lead.utf8), path: "lead.txt").doses.map(\.population) == ["成人", "成人"])
    }

    @Test("a statement's quote does not start on a bracket it leaves open")
    func openBracket() throws {
        let text = "【药品名称】\n通用名称：测试双胍片\n【用法用量】\n每日总量可增至1500毫克(即每次0.5克，每日三次)。1～3岁40～60微克（4～6微克/千克体重）。\n"
        let label = try LabelParser().parse(bytes: Array(text.utf8), path: "bracket.txt")
        #expect(label.doses.map(\.text) == ["每日总量可增至1500毫克", "即每次0.5克", "1～3岁40～60微克", "4～6微克/千克体重"])
    }
}
