import DrugLabel
import Foundation
import TestSupport
import Testing

/// Tables rebuilt from the label's flattened lines, beyond the hand-read facts: the evidence
/// each reconstruction rests on, and the diagnostics where it runs out.
@Suite("Tables")
struct TableTests {
    let label: Label
    init() throws { label = try TestSupport.parse(TestSupport.labelName) }

    func table(_ id: String) throws -> Table { try #require(label.tables.first { $0.id == id }) }

    @Test("a lost cell is placed by the double space and a warning names the row and line")
    func lostCell() throws {
        let row = try #require(try table("表 1").rows.first { $0.label == "天冬氨酸转氨酶升高" })
        #expect(row.cells.map(\.raw) == ["8", "4", "", "10"])
        #expect(row.cells[2].flags == [.missing])
        let warning = try #require(label.diagnostics.first { $0.code == "table.cellMissing" })
        #expect(warning.severity == .warning && warning.line == 313 && warning.message.contains("天冬氨酸转氨酶升高"))
        #expect(label.diagnostics.filter { $0.code == "table.cellMissing" }.count == 1)
    }

    @Test("a table continued after a page break with its header repeated is one table")
    func continuedOverPage() throws {
        #expect(label.tables.filter { $0.id == "表 1" }.count == 1)
        let t = try table("表 1")
        #expect(t.span == SourceSpan(startLine: 249, endLine: 497))
        #expect(label.diagnostics.contains { $0.code == "table.headerRepeated" && $0.line == 354 })
        #expect(!t.rows.contains { $0.label.contains("系统器官分类") || $0.label.contains("所有等级") })
        // The group in force before the break carries on after it.
        let names = t.rows.map(\.label)
        let before = try #require(names.firstIndex(of: "低磷酸血症")), after = try #require(names.firstIndex(of: "脱水"))
        #expect(after == before + 1 && t.rows[before].group == t.rows[after].group)
    }

    @Test("arms and their N are typed; every cited footnote is defined and linked by its mark")
    func armsAndFootnotes() throws {
        let t1 = try table("表 1"), t2 = try table("表 2")
        #expect(t1.stub == ["系统器官分类", "首选术语"])
        #expect(t1.arms.map(\.name) == ["中国临床研究", "ZUMA-1"] && t1.arms.map(\.n) == [24, 108])
        #expect(t1.arms.map(\.columns) == [[0, 1], [2, 3]])
        #expect(t2.arms.map(\.n) == [170])
        #expect(!label.diagnostics.contains { $0.code == "table.footnoteUndefined" })
        for t in [t1, t2] {
            let defined = Set(t.footnotes.map(\.mark))
            #expect(Set(t.rows.flatMap(\.footnotes) + t.groups.flatMap(\.footnotes)).isSubset(of: defined))
        }
        #expect(t2.groups.first { $0.label == "各类检查" }?.footnotes == ["#"])
        #expect(t2.footnotes.first { $0.mark == "##" }?.text.hasPrefix("发热性中性粒细胞减少症：") == true)
        #expect(t1.notes.count == 4 && t1.notes[0].hasPrefix("数据来源：") && t1.notes[0].hasSuffix("表格中“-”为数据未报告。"))
        #expect(t1.footnotes.first { $0.mark == "b" }?.text.hasSuffix("阴囊水肿、肿胀。") == true)
    }

    @Test("a row label's footnotes, unit and statistic move out of the label")
    func rowAnnotations() throws {
        let orr = try #require(try table("表 6").rows.first)
        #expect(orr.label == "客观缓解率（ORR）" && orr.footnotes == ["a"] && orr.unit == "%" && orr.statistic == "95%CI")
        let dor = try #require(try table("表 5").rows.first { $0.label == "缓解持续时间（DOR）" })
        #expect(dor.unit == "月" && dor.statistic == "中位值（范围）" && dor.footnotes == ["a", "b", "c", "d"])
        let events = try #require(try table("表 7").rows.first { $0.label == "事件数" })
        #expect(events.statistic == "n（%）" && events.cells.map(\.raw) == ["108（60）", "144（80）"])
    }

    @Test("intervals on the same or the next line; NE, NA, censored and bounds are flagged, not lost")
    func efficacyValues() throws {
        let t5 = try table("表 5"), t7 = try table("表 7")
        let dor = try #require(t5.rows.first { $0.label == "缓解持续时间（DOR）" })
        #expect(dor.cells[0].value == 9.2 && dor.cells[0].range == [0.03, 14.4] && dor.cells[0].ci == nil)
        #expect(dor.cells[0].flags == [.censored] && dor.cells[0].raw == "9.2（0.03+，14.4+）")
        #expect(dor.cells[2].value == nil && dor.cells[2].flags == [.notEstimable, .censored])
        let pr = try #require(t5.rows.first { $0.label == "最佳疗效为PR的DOR" })
        #expect(pr.cells.count == 3 && pr.cells[1].raw == "NA NA" && pr.cells[1].flags == [.notAvailable])
        let os = try #require(t5.rows.first { $0.label == "总体生存" })
        #expect(os.cells[0].ci == [10.4, nil])
        let median = try #require(t7.rows.first { $0.label == "中位数" && $0.group == "无事件生存期" })
        #expect(median.cells.map(\.value) == [8.3, 2.0] && median.cells.map(\.ci) == [[4.5, 15.8], [1.6, 2.8]])
        let p = try #require(t7.rows.first { $0.label == "分层对数秩 p 值" })
        #expect(p.cells[0].value == 0.0001 && p.cells[0].flags?.contains(.lessThan) == true)
        #expect(t7.arms.map(\.name) == ["Axicabtagene Ciloleucel", "标准治疗"] && t7.arms[0].footnotes == ["e"])
        #expect(t7.groups.map(\.label) == ["无事件生存期", "无进展生存期"] && t7.groups[0].footnotes == ["b"])
    }

    @Test("a row with fewer values and no evidence of their columns is flagged, not guessed silently")
    func unplacedValues() throws {
        let hr = try #require(try table("表 7").rows.first { $0.label == "分层风险比" })
        #expect(hr.cells.count == 2 && hr.cells[0].flags?.contains(.uncertainColumn) == true && hr.cells[1].flags == [.missing])
        #expect(label.diagnostics.contains { $0.code == "table.cellsUnplaced" && $0.line == hr.span.startLine })
    }

    @Test("prose tables: one row per grade, cells in reading order, uncertainty reported")
    func proseTables() throws {
        let t3 = try table("表 3")
        #expect(t3.kind == .prose && t3.columns == [["CRS 分级"], ["托珠单抗"], ["皮质类固醇"]])
        // `CRS 分级 a 托珠单抗 皮质类固醇 e`: the marks leave the labels but are kept.
        #expect(t3.columnFootnotes == [["a"], [], ["e"]])
        let first = t3.rows[0]
        #expect(first.cells.map(\.raw) == ["无危及生命的症状，仅需对症治疗（如发热、恶心、疲乏、头痛、肌肉痛、难受等）",
                                          "如果 24 小时后症状（例如发热）未改善，则考虑按 2 级处理。",
                                          "如果 3天后症状未改善，则静脉给予 1 剂地塞米松 10 mg。"])
        // A line of one space separates paragraphs of one cell.
        #expect(t3.rows[1].cells[1].raw.components(separatedBy: "\n").count == 4)
        #expect(t3.footnotes.map(\.mark) == ["a", "b", "c", "d", "e"])
        #expect(label.diagnostics.contains { $0.code == "table.proseMixedLine" && $0.line == 1247 })
        #expect(label.diagnostics.filter { $0.code == "table.proseRebuilt" }.count == 2)
        let t4 = try table("表 4")
        #expect(t4.rows.map(\.span.startLine) == [1334, 1358, 1399, 1441])
        // The remark closing every grade spans the row: a note, not a third column of text.
        #expect(t4.notes.first?.hasPrefix("考虑使用左乙拉西坦预防癫痫发作。") == true)
        // Only the grade stands in 分级评估; the text begins under 并发 CRS.
        #expect(t4.rows.allSatisfy { $0.cells.count == 3 && $0.cells[0].raw.isEmpty })
        #expect(t4.rows[0].cells[1].raw.hasPrefix("参照表 3 中托珠单抗给药治疗 1 级 CRS。"))
        #expect(t4.rows[2].cells[2].raw.hasPrefix("静脉给予甲泼尼龙 1000 mg，每日 1次。"))
        // `…甲泼尼龙 1000 ` / `mg，每日 3 次…`: a unit continues the paragraph.
        #expect(t4.rows[3].cells[1].raw.hasSuffix("考虑静脉给予甲泼尼龙 1000 mg，每日 3 次或替代疗法 b。"))
        // An indented line that interrupts an unfinished paragraph: the paragraph resumes later.
        #expect(t4.rows[1].cells[2].raw.hasPrefix("如果症状改善，继续使用皮质类固醇，直至严重程度为 1 级或以下"))
    }

    @Test("a table's group and grade rows are not subsection titles of the section around it")
    func notSubsections() throws {
        for section in label.sections {
            for sub in section.subsections {
                #expect(!label.tables.contains { $0.span.startLine <= sub.span.startLine && sub.span.startLine <= $0.span.endLine },
                        "subsection \(sub.heading) at line \(sub.span.startLine) lies in a table")
            }
        }
        #expect(label.section("warnings_and_cautions")?.subsections.contains { $0.heading == "神经系统毒性" } == true)
    }

    @Test("typed views: adverse reactions per arm and grade, efficacy per column with CI")
    func views() throws {
        let reactions = try table("表 1").adverseReactionRows()
        #expect(reactions.count == 67)
        let fever = try #require(reactions.first { $0.term == "发热" })
        #expect(fever.soc == "全身性疾病及给药部位各种反应")
        #expect(fever.arms.map(\.arm) == ["中国临床研究", "ZUMA-1"] && fever.arms.map(\.n) == [24, 108])
        #expect(fever.arms.map(\.allGrades) == [100, 86] && fever.arms.map(\.grade3OrWorse) == [46, 16])
        #expect(try table("表 5").adverseReactionRows().isEmpty)
        let orr = try #require(try table("表 5").efficacyRows().first)
        #expect(orr.endpoint == "客观缓解率（ORR）" && orr.values.map(\.value) == [72, 72, 74])
        #expect(orr.values.map(\.column.last) == ["6个月", "12个月", "24个月"] && orr.values[2].ci == [65, 82])
        #expect(orr.values.allSatisfy { $0.arm == "接受Axicabtagene Ciloleucel治疗的患者" })
    }

    @Test("prose that starts with 表 is not a caption; a table elsewhere is read the same way")
    func synthetic() throws {
        let text = """
        【不良反应】
        有效性总结见
        表7。某药组18个月时的估计EFS率为41.5%，
        标准治疗组为 17.0%。
        表 2.  某研究中的不良反应
        系统器官分类 首选术语
        某药（N=50） 安慰剂（N=48）
        所有等级（%） ≥3 级（%）
        胃肠系统疾病
        恶心 a 20 2 10 -
        呕吐 15 1  3
        数据来源：某研究。
        a. 恶心包括恶心、干呕。
        其他不良反应较少见。
        """
        let parsed = try LabelParser().parse(bytes: Array(text.utf8), path: "synthetic.txt")
        #expect(parsed.tables.map(\.id) == ["表 2"])
        let t = try #require(parsed.tables.first)
        #expect(t.columns == [["某药（N=50）", "所有等级（%）"], ["某药（N=50）", "≥3 级（%）"],
                              ["安慰剂（N=48）", "所有等级（%）"], ["安慰剂（N=48）", "≥3 级（%）"]])
        #expect(t.rows.map(\.label) == ["恶心", "呕吐"] && t.rows[0].group == "胃肠系统疾病")
        #expect(t.rows[0].cells.map(\.value) == [20, 2, 10, nil])
        #expect(t.rows[1].cells.map(\.raw) == ["15", "1", "", "3"])
        #expect(t.footnotes.map(\.text) == ["恶心包括恶心、干呕。"] && t.notes == ["数据来源：某研究。"])
        #expect(t.span.endLine == 13)
    }

    @Test("a table of words only: the first row is the header, a class merged down groups its rows")
    func wordsOnly() throws {
        let page = """
        <!DOCTYPE html><html><body><p>【不良反应】</p><p>表1 不良反应</p><table>
        <tr><th>系统器官分类</th><th>不良反应</th><th>发生频率</th></tr>
        <tr><td rowspan="2">胃肠系统疾病</td><td>恶心</td><td>常见</td></tr>
        <tr><td>便秘</td><td>偶见</td></tr>
        <tr><td>各类神经系统疾病</td><td>头痛</td><td>罕见</td></tr></table><p>【禁忌】</p><p>对本品过敏者禁用。</p></body></html>
        """
        let t = try #require(try LabelParser().parse(bytes: Array(page.utf8), path: "words.html").tables.first)
        #expect(t.stub == ["系统器官分类", "不良反应"] && t.columns == [["发生频率"]])
        #expect(t.groups.map(\.label) == ["胃肠系统疾病", "各类神经系统疾病"])
        #expect(t.rows.map { "\($0.group ?? "")/\($0.label)/\($0.cells.map(\.raw).joined())" }
                == ["胃肠系统疾病/恶心/常见", "胃肠系统疾病/便秘/偶见", "各类神经系统疾病/头痛/罕见"])
    }
}
