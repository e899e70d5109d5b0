@testable import DrugLabel
import TestSupport
import Testing

/// The seed label written in Traditional characters is the same label: the rules of the
/// resource files are written once, in Simplified, and run on folded text (`RuleFold`), so its
/// page footers (`第 12 頁/共 27 頁`) and grading tables (`1 級`) read as the Simplified ones do.
@Suite("Traditional copies")
struct TraditionalDiffTests {
    let parser: LabelParser
    let convert: Transliterator

    init() throws {
        parser = try LabelParser()
        convert = try Transliterator("Simplified-Traditional")
    }

    func traditional(_ text: String) throws -> String {
        let copy = try #require(convert(text))
        #expect(copy != text)
        return copy
    }

    @Test("the whole seed label in Traditional characters: no section, sentence or number changed")
    func seedLabel() throws {
        let original = String(decoding: try TestSupport.bytes(TestSupport.labelName), as: UTF8.self)
        let copy = try traditional(original)
        // What the copy must get past: a footer in Traditional, and grade rows of tables 3 and 4.
        #expect(copy.contains("第 12 頁/共 27 頁") && copy.contains("\n1 級"))
        let old = try parser.parseDocument(bytes: Array(original.utf8), path: "old.txt")
        let new = try parser.parseDocument(bytes: Array(copy.utf8), path: "new.txt")
        let report = try LabelDiffer().diff(old, new)
        #expect(report.sections.isEmpty, "\(report.sections.map { "\($0.heading): \($0.sentences.map { $0.new ?? $0.old ?? "" })" })")
        #expect(report.numbers.isEmpty, "\(report.numbers.map { "\($0.what) \($0.context)" })")
        // Beyond what diff compares: the same tables, doses and facts.
        #expect(new.label.tables.map { "\($0.id) \($0.kind) \($0.rows.count)" } == old.label.tables.map { "\($0.id) \($0.kind) \($0.rows.count)" })
        #expect(new.label.doses.map(\.span) == old.label.doses.map(\.span))
        #expect(new.label.metadata.approvalNumbers == old.label.metadata.approvalNumbers)
        #expect(new.label.metadata.shelfLife?.months == 12 && new.label.metadata.storage?.maxCelsius == -150)
        #expect(new.label.diagnostics.map(\.code) == old.label.diagnostics.map(\.code))
    }

    @Test("a Traditional page footer is page furniture, in the middle of a sentence or with full-width digits",
          arguments: ["第 12 頁/共 27 頁", "第１２頁／共２７頁", "共 27 頁，第 12 頁", "第 3 頁"])
    func pageFooter(footer: String) throws {
        #expect(PageFurniture(rules: .standard).isPageFooter(folded: SourceLine(number: 1, text: footer).folded))
        let text = "【不良反應】\n常見頭痛和失眠\n\(footer)\n（11%）。\n"
        let lines = Normalizer(rules: .standard).normalize(text)
        #expect(!lines.lines.contains { $0.text == footer })
        #expect(lines.diagnostics.map(\.code) == ["normalize.pageFooter"])
    }

    @Test("a line that only looks like a footer stays", arguments: ["第 12 頁共", "第十二頁", "頁 12"])
    func notAPageFooter(text: String) {
        #expect(!PageFurniture(rules: .standard).isPageFooter(folded: SourceLine(number: 1, text: text).folded))
    }

    /// A grading table of our own: two grades, a criterion and a treatment under each.
    static let gradingLabel = """
        【注意事项】
        处理建议见下表。
        表 3.  皮疹分级以及处理建议
        分级 处理建议
        1 级
        局部皮疹，无需处理。
        静脉给予某药 5 mg，每日 1 次。
        2 级
        全身皮疹。
        静脉给予某药 10 mg，每日 2 次。

        """

    @Test("`N 級` rows make a grading table, its doses conditioned on the grade, as `N 级` rows do")
    func gradingRows() throws {
        #expect(TableRules.standard.isGradeRow(SourceLine(number: 1, text: "1 級")))
        #expect(TableRules.standard.isGradeRow(SourceLine(number: 1, text: "３級")))
        #expect(!TableRules.standard.isGradeRow(SourceLine(number: 1, text: "1 級處理")))
        let simplified = try parser.parseDocument(bytes: Array(Self.gradingLabel.utf8), path: "s.txt").label
        let copy = try traditional(Self.gradingLabel)
        let traditional = try parser.parseDocument(bytes: Array(copy.utf8), path: "t.txt").label
        let s = try #require(simplified.tables.first), t = try #require(traditional.tables.first)
        #expect(s.kind == .prose && t.kind == .prose)
        #expect(t.rows.map(\.label) == ["1 級", "2 級"] && s.rows.map(\.label) == ["1 级", "2 级"])
        #expect(t.rows.map { $0.cells.map(\.raw) } == s.rows.map { $0.cells.map { convert($0.raw) ?? "" } })
        #expect(simplified.doses.count == 2 && simplified.doses.allSatisfy { $0.condition != nil })
        #expect(traditional.doses.map(\.condition) == simplified.doses.map { $0.condition.flatMap { convert($0) } })
        #expect(traditional.doses.map(\.frequency) == simplified.doses.map(\.frequency))
        #expect(traditional.doses.map(\.amount) == simplified.doses.map(\.amount))
    }
}
