import DrugLabel
import Testing

/// Heading variants and the shapes of real input that DESIGN.md lists, on small documents
/// written to show one quirk each.
@Suite("Segmenting labels")
struct SegmentationTests {
    func parse(_ text: String) throws -> Label {
        try LabelParser().parse(bytes: Array(text.utf8), path: "t.txt")
    }

    @Test("heading variants: spaces, colons, other brackets, spelling variants, unknown headings")
    func variants() throws {
        let label = try parse("""
        【 药品名称 】
        通用名称：测试片
        〖成 份〗
        本品主要成分为测试。
        【适应证】
        用于测试。
        [规格]
        10 mg
        【禁忌 ：】
        对本品过敏者禁用。
        【特别提示】
        请注意。
        【注意事项】
        详见
        【不良反应】。
        （见【注意事
        项】）
        """)
        #expect(label.sections.map(\.key) == ["names", "composition", "indications_and_usage",
                                              "dosage_forms_and_strengths", "contraindications", nil, "warnings_and_cautions"])
        #expect(label.sections.map(\.heading) == ["药品名称", "成 份", "适应证", "规格", "禁忌", "特别提示", "注意事项"])
        #expect(label.sections.map(\.span.startLine) == [1, 3, 5, 7, 9, 11, 13])
        #expect(label.diagnostics.contains { $0.code == "segment.unknownHeading" && $0.line == 11 })
        #expect(label.section("warnings_and_cautions")?.text.contains("【不良反应】") == true)
    }

    @Test("a bracket with a mark joined to it is another character, not a heading bracket")
    func bracketWithMark() throws {
        let label = try parse("【药品名称】\n通用名称：测试片\n【\u{20DD}禁忌】\n孕妇禁用。\n【注意事项】\u{301}\n忌烟酒。\n【贮藏】\n密封。\n")
        #expect(label.sections.map(\.key) == ["names", "storage_and_handling"])
        #expect(label.section("names")?.text.contains("禁忌】") == true)
        #expect(label.section("names")?.text.contains("忌烟酒。") == true)
    }

    @Test("a label on one line of HTML: a table of one section does not hide the next section's subsection titles")
    func tableOnSharedLine() throws {
        // Every piece a `<br>` cuts is line 1, the table's span too; the titles of 注意事项 are
        // in another section's body than the table, so they stay titles.
        let label = try parse("【药品名称】<br>通用名称：测试片<br>【不良反应】<br>表1 常见不良反应<br>不良反应 发生率<br>头痛 5%<br>恶心 3%<br>【注意事项】<br>重要注意事项<br>用药期间应定期检查血常规。<br>其他注意事项<br>孕妇慎用。<br>【贮藏】<br>密封。\n")
        #expect(label.tables.map(\.span) == [SourceSpan(startLine: 1, endLine: 1)])
        #expect(label.section("warnings_and_cautions")?.subsections.map(\.heading) == ["重要注意事项", "其他注意事项"])
    }

    @Test("a label copied from a web page: `标题：内容` lines without brackets")
    func colonHeadings() throws {
        let label = try parse("测试颗粒说明书\n药品名称：测试颗粒\n成份：测试。\n功能主治：清热解毒。\n规格：每袋装10g\n用法用量：开水冲服，一次1袋，一日3次。\n不良反应：尚不明确。\n禁忌：孕妇禁用。\n注意事项：\n1）忌烟、酒。\n2）不宜久服。\n贮藏：密封。\n")
        #expect(label.kind == .label)
        #expect(label.sections.map(\.key) == ["names", "composition", "indications_and_usage", "dosage_forms_and_strengths",
                                              "dosage_and_administration", "adverse_reactions", "contraindications",
                                              "warnings_and_cautions", "storage_and_handling"])
        #expect(label.section("contraindications")?.text == "孕妇禁用。")
        #expect(label.section("warnings_and_cautions")?.items.map(\.marker) == ["1）", "2）"])
    }

    @Test("an excerpt with one or two sections is still a label")
    func excerpt() throws {
        let label = try parse("【禁忌】\n对青霉素过敏者禁用。\n")
        #expect(label.kind == .label)
        #expect(label.section("contraindications")?.text == "对青霉素过敏者禁用。")
    }

    @Test("a heading the PDF wrapped over two lines is one heading")
    func wrappedHeading() throws {
        let label = try parse("【药品名称】\n通用名称：测试片\n【孕妇及哺乳期妇\n女用药】\n孕妇禁用。\n【禁忌】\n尚不明确。\n")
        #expect(label.sections.map(\.key) == ["names", "pregnancy_and_lactation", "contraindications"])
        #expect(label.section("pregnancy_and_lactation")?.heading == "孕妇及哺乳期妇女用药")
        #expect(label.section("pregnancy_and_lactation")?.text == "孕妇禁用。")
        #expect(label.section("pregnancy_and_lactation")?.span == SourceSpan(startLine: 3, endLine: 5))
    }

    @Test("text after a heading keeps its own last colon; the colon after the bracket goes")
    func restKeepsItsColon() throws {
        let label = try parse("【药品名称】：通用名称：测试片\n【不良反应】：常见不良反应有以下几类：\n1.胃肠道反应。\n2.皮疹。\n【禁忌】\n尚不明确。\n")
        #expect(label.section("names")?.text == "通用名称：测试片")
        #expect(label.section("adverse_reactions")?.text == "常见不良反应有以下几类：\n1.胃肠道反应。\n2.皮疹。")
    }

    @Test("a sub-heading on its section's heading line is a sub-heading, however long the heading")
    func subheadingOnHeadingLine() throws {
        let label = try parse("【药品名称】\n通用名称：测试片\n【孕妇及哺乳期妇女用药】妊娠\n妊娠期禁用本品，计划怀孕者应告知医生。\n哺乳\n哺乳期妇女禁用本品，必要时停止哺乳。\n【禁忌】\n尚不明确。\n")
        #expect(label.section("pregnancy_and_lactation")?.subsections.map(\.heading) == ["妊娠", "哺乳"])
    }

    @Test("the text after a heading on a full printed line is wrapped like any full line")
    func restOfHeadingLineWraps() throws {
        // Hard-wrapped lines of one width; the heading's line runs to the margin, its rest does not.
        let label = try parse("""
        【药品名称】
        通用名称：测试缓释片
        【适应症】
        本品适用于治疗由测试所致的各种症状，包括但
        不限于头痛、发热、乏力和其他全身性不适反应，
        也可用于预防由测试引起的并发症，例如咳嗽、
        咽痛和流涕等。
        【用法用量】从未接受本品治疗的病人初始剂
        量为每次1片测试缓释片25/100，每日2次。
        【禁忌】
        对本品过敏者禁用。

        """)
        let dosing = try #require(label.section("dosage_and_administration"))
        #expect(dosing.text == "从未接受本品治疗的病人初始剂量为每次1片测试缓释片25/100，每日2次。")
        let first = try #require(label.doses.first)
        #expect(first.population == "从未接受本品治疗的病人" && first.frequency == "每日2次")
    }

    @Test("a label without brackets: catalogue headings alone on their lines")
    func bareHeadings() throws {
        let label = try parse("测试胶囊说明书\n药品名称\n通用名称：测试胶囊\n成份\n测试。\n适应症\n用于测试。\n用法用量\n口服。\n不良反应\n尚不明确。\n禁忌\n尚不明确。\n")
        #expect(label.kind == .label)
        #expect(label.title == "测试胶囊说明书")
        #expect(label.sections.map(\.key) == ["names", "composition", "indications_and_usage",
                                              "dosage_and_administration", "adverse_reactions", "contraindications"])
    }

    @Test("page footers and running headers are dropped; the sentence across the break is whole")
    func pageFurniture() throws {
        var text = "【药品名称】\n\n通用名称：测试片\n\n【适应症】\n\n"
        // Each page ends mid-sentence on a full line; the next page starts with the running header.
        let pages = [("本品用于治疗由测试所致的各种症状，包括但不限于头痛、发热、乏力和其他全身性不适", "反应。"),
                     ("也可用于预防由测试引起的并发症，例如咳嗽、咽痛、流涕以及持续数日的低热和肌肉", "酸痛。"),
                     ("儿童及老年患者的疗效与成人相近，但应在医师指导下根据体重和肝肾功能情况调整用", "量。")]
        for (n, page) in pages.enumerated() {
            text += "\(page.0)\n\n\n\n第 \(n + 1) 页/共 3 页\n\n测试制药有限公司 测试片说明书\n\n\(page.1)\n\n"
        }
        text += "【禁忌】\n\n对本品过敏者禁用。\n\n【注意事项】\n\n无。\n"
        let label = try parse(text)
        let indications = try #require(label.section("indications_and_usage"))
        #expect(indications.text == pages.map { $0.0 + $0.1 }.joined(separator: "\n"))
        #expect(label.diagnostics.contains { $0.code == "normalize.pageFooter" })
        #expect(label.diagnostics.contains { $0.code == "normalize.runningHeader" })
    }

    @Test("a boxed warning in the preamble, with or without bullets, is its own block")
    func preambleWarning() throws {
        let plain = try parse("核准日期：2007年01月10日\n测试注射液说明书\n请仔细阅读说明书并在医师指导下使用。\n警告：本品可引起严重过敏反应。\n用药前应询问过敏史。\n【药品名称】\n通用名称：测试注射液\n【禁忌】\n对本品过敏者禁用。\n")
        #expect(plain.boxedWarning?.title == "警告：本品可引起严重过敏反应。")
        #expect(plain.boxedWarning?.items == ["用药前应询问过敏史。"])
        #expect(plain.title == "测试注射液说明书")
        #expect(plain.metadata.notice == "请仔细阅读说明书并在医师指导下使用。")
        #expect(plain.metadata.approvalDate == "2007-01-10")
        let bulleted = try parse("测试片说明书\n警示语\n• 可致肝损伤。\n• 用药期间监测肝功能。\n【药品名称】\n通用名称：测试片\n【禁忌】\n尚不明确。\n")
        #expect(bulleted.boxedWarning?.items == ["可致肝损伤。", "用药期间监测肝功能。"])
        #expect(bulleted.boxedWarning?.span == SourceSpan(startLine: 2, endLine: 4))
        let above = try parse("警告：本品可引起严重过敏反应。\n测试注射液说明书\n请仔细阅读说明书并在医师指导下使用。\n【药品名称】\n通用名称：测试注射液\n【禁忌】\n尚不明确。\n")
        #expect(above.boxedWarning?.items == [])
        #expect(above.title == "测试注射液说明书")
        #expect(above.metadata.notice == "请仔细阅读说明书并在医师指导下使用。")
                // A line that only mentions a warning inside a section is not a box.
        let mention = try parse("【注意事项】\n警告：请勿超量服用。\n其他注意事项。\n【禁忌】\n尚不明确。\n")
        #expect(mention.boxedWarning == nil)
        #expect(mention.section("warnings_and_cautions")?.text.hasPrefix("警告：请勿超量服用。") == true)
    }

    @Test("preamble lines that are no title, notice, date or warning are reported, not dropped silently")
    func unreadPreamble() throws {
        let label = try parse("外\nOTC\n测试软膏说明书\n请仔细阅读说明书并按说明使用。\n【药品名称】\n通用名称：测试软膏\n【禁忌】\n尚不明确。\n")
        let note = try #require(label.diagnostics.first { $0.code == "segment.preambleUnread" })
        #expect(note.line == 1 && note.message.contains("“外”") && note.message.contains("“OTC”"))
    }

    @Test("pdftotext pages: form feeds, a running header on every page, bare page numbers")
    func formFeeds() throws {
        let pages = [
            "测试制药 测试片说明书\n【药品名称】\n通用名称：测试片\n【适应症】\n本品用于治疗由测试所致的各种症状，包括但不限于头痛、发热、乏力和其他全身性不适\n1\n",
            "测试制药 测试片说明书\n反应。\n【禁忌】\n对本品过敏者禁用。\n2\n",
            "测试制药 测试片说明书\n【注意事项】\n无。\n3\n",
        ]
        let label = try parse(pages.joined(separator: "\u{0C}"))
        #expect(label.sections.map(\.key) == ["names", "indications_and_usage", "contraindications", "warnings_and_cautions"])
        #expect(label.section("indications_and_usage")?.text == "本品用于治疗由测试所致的各种症状，包括但不限于头痛、发热、乏力和其他全身性不适反应。")
        #expect(label.section("warnings_and_cautions")?.text == "无。")
        #expect(label.section("names")?.text == "通用名称：测试片")
        #expect(!label.diagnostics.contains { $0.code == "segment.preambleUnread" })
        #expect(label.diagnostics.contains { $0.code == "normalize.runningHeader" })
        #expect(label.diagnostics.contains { $0.code == "normalize.pageNumber" })
    }

    @Test("artifacts are repaired: radicals, private-use bullets, icons, citation marks")
    func repairs() throws {
        let label = try parse("【药品名称】\n通⽤名称：测试⽚\n【适应症】\n\u{F06C} ⽤于治疗⻣髓瘤\n【用法用量】\n\u{E6EB}口服，一次 1 片<sup>2</sup>。\n【禁忌】\n尚不明确。\n")
        #expect(label.metadata.genericName == "测试片")
        #expect(label.section("indications_and_usage")?.text == "• 用于治疗骨髓瘤")
        #expect(label.section("dosage_and_administration")?.text == "口服，一次 1 片。")
    }
}
