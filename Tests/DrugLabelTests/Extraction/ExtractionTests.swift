@testable import DrugLabel
import TestSupport
import Testing

/// Facts of the corpus documents beyond the shared expectations, each read from the document
/// itself (line numbers are the source file's), plus the small readers on typical phrasings.
@Suite("Extraction")
struct ExtractionTests {
    @Test("the label's subsections and manufacturer, as the document gives them")
    func labelDetails() throws {
        let label = try TestSupport.parse(TestSupport.labelName)
        let dosage = try #require(label.section("dosage_and_administration"))
        // Lines 98, 102, 108, 114, 143, 169 of the label.
        #expect(dosage.subsections.map(\.heading) == ["本品输注前的患者准备", "预处理", "输注前用药", "本品输注时准备", "使用方法", "监测"])
        #expect(dosage.subsections.map(\.span.startLine) == [98, 102, 108, 114, 143, 169])
        let adverse = try #require(label.section("adverse_reactions"))
        #expect(adverse.subsections.contains { $0.heading == "ZUMA-1 临床研究" && $0.span.startLine == 194 })
        // Lines 2279–2287.
        let maker = try #require(label.metadata.manufacturer)
        #expect(maker.name == "复星凯瑞（上海）生物科技有限公司")
        #expect(maker.address == "上海市浦东新区新场镇康新公路 2277 号天慈中商药业 1 号厂房")
        #expect(maker.postcode == "201314")
        #expect(maker.website == "http://www.fosunkairos.com")
        #expect(label.metadata.holder?.postcode == "201210")
        // Line 9, under the title.
        #expect(label.metadata.notice == "本品为附条件批准上市，请仔细阅读说明书并在医师指导下在医院内使用")
        // Every value of the model points back into the file.
        let lines = String(decoding: try TestSupport.bytes(TestSupport.labelName), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count
        for section in label.sections {
            #expect(section.span.startLine >= 1 && section.span.endLine <= lines)
            for sub in section.subsections { #expect(sub.span.startLine >= section.span.startLine && sub.span.endLine <= section.span.endLine) }
        }
    }

    @Test("application values wrapped over lines are joined; slide cells lose their HTML")
    func formDetails() throws {
        let application = try TestSupport.parse("axicabtagene-ciloleucel-nrdl-application-2023")
        // Lines 3–6: `企业名称 ：` / `复星凯特生物科技有限公` / `司`.
        #expect(application.fields.first { $0.name == "企业名称" }?.value == "复星凯特生物科技有限公司")
        #expect(application.fields.first { $0.name == "药品申报条件" }?.value.hasPrefix("1.2018年1月1日至2023年6月30日") == true)
        // Seed 003 lines 511–535: the guideline text, then a nine-line field name with its
        // attachment (`下载文件 IMWG.pdf`, line 521) laid in the middle of it.
        let zevor = try TestSupport.parse("zevorcabtagene-autoleucel-nrdl-application-2025")
        let guideline = try #require(zevor.fields.first { $0.name == "临床指南/诊疗规范推荐情况3" })
        #expect(guideline.value.hasSuffix("推荐抗BCMA CAR-T应用于复发难治性多发性骨髓瘤。"))
        #expect(guideline.span == SourceSpan(startLine: 511, endLine: 513))
        let evidence = try #require(zevor.fields.first { $0.span.startLine == 515 })
        #expect(evidence.name.hasPrefix("临床指南/诊疗规范中需包含申报药品推荐情况具体内容") && evidence.name.hasSuffix("客观性）"))
        #expect(evidence.value == "IMWG.pdf")
        let slides = try TestSupport.parse("axicabtagene-ciloleucel-slides-2025")
        let indications = try #require(slides.section("indications_and_usage"))
        #expect(!indications.text.contains("<") && indications.text.hasPrefix("本品为经基因修饰的靶向人 CD19"))
        #expect(slides.metadata.englishName == "Axicabtagene Ciloleuceil Injection")
    }

    @Test("an OTC label: revision date section, 作用类别, OTC mark reported")
    func otcLabel() throws {
        let text = "核准日期：2007 年 01 月 10 日\nOTC 甲类\n测试缓释胶囊说明书\n请仔细阅读说明书并按说明使用或在药师指导下购买和使用\n【药品名称】\n通用名称：测试缓释胶囊\n【作用类别】本品为解热镇痛类非处方药药品。\n【适应症】用于缓解轻至中度疼痛。\n【禁忌】对本品过敏者禁用。\n【贮藏】密封，在干燥处（不超过 25℃）保存。\n【说明书修订日期】2015 年 12 月 01 日\n"
        let label = try LabelParser().parse(bytes: Array(text.utf8), path: "otc.txt")
        #expect(label.section("pharmacologic_class")?.text == "本品为解热镇痛类非处方药药品。")
        #expect(label.metadata.approvalDate == "2007-01-10")
        #expect(label.metadata.revisions.map(\.date) == ["2015-12-01"])
        #expect(label.metadata.revisions.first?.span.startLine == 11)
        #expect(label.metadata.notice == "请仔细阅读说明书并按说明使用或在药师指导下购买和使用")
        #expect(label.metadata.storage?.maxCelsius == 25)
        #expect(label.diagnostics.contains { $0.code == "segment.preambleUnread" && $0.line == 2 })
    }

    @Test("storage temperatures in the ways labels write them")
    func temperatures() {
        #expect(TemperatureReader.read("低于零下 150 摄氏度保存")! == (nil, -150))
        #expect(TemperatureReader.read("2～8℃避光保存")! == (2, 8))
        #expect(TemperatureReader.read("2℃-8℃冷藏")! == (2, 8))
        #expect(TemperatureReader.read("密封，不超过25℃保存")! == (nil, 25))
        #expect(TemperatureReader.read("-20℃以下冷冻")! == (nil, -20))
        #expect(TemperatureReader.read("密封保存") == nil)
    }

    @Test("shelf life, revision dates and approval numbers")
    func smallReaders() {
        #expect(ShelfLifeReader.months("有效期暂定为 12 个月") == 12)
        #expect(ShelfLifeReader.months("24个月") == 24)
        #expect(ShelfLifeReader.months("2 年") == 24)
        let dates = RevisionDateReader().read([
            SourceLine(number: 1, text: "核准日期：2007年01月10日"),
            SourceLine(number: 2, text: "修改日期：2015年12月01日"),
            SourceLine(number: 3, text: "第十二次修改日期：2020.6.1"),
        ])
        #expect(dates.approvalDate?.date == "2007-01-10")
        #expect(dates.revisions.map(\.date) == ["2015-12-01", "2020-06-01"])
        #expect(dates.revisions.map(\.ordinal) == [nil, 12])
        #expect(ApprovalNumberReader.read("国药准字：S20210019") == ["国药准字S20210019"])
        #expect(ApprovalNumberReader.read("国药准字H 20054321；国药准字H20054322") == ["国药准字H20054321", "国药准字H20054322"])
    }

    @Test("abbreviation long forms: a term holding a definition of its own, a term right after one, fragments refused")
    func abbreviationLongForms() throws {
        let reader = AbbreviationReader(leadWords: ["和"])
        let span = SourceSpan(startLine: 1, endLine: 1)
        // The review article's line 1, and the label's line 74.
        let nested = reader.read("摘  要：嵌合抗原受体（CAR）T细胞（CAR-T）疗法是一种创新的免疫疗法", span: span)
        #expect(nested.map { "\($0.short)=\($0.long)" } == ["CAR=嵌合抗原受体", "CAR-T=嵌合抗原受体（CAR）T细胞"])
        let after = reader.read("包括弥漫性大B细胞淋巴瘤（DLBCL）非特指型（NOS）", span: span)
        #expect(after.last.map { "\($0.short)=\($0.long)" } == "NOS=非特指型")
        // Two characters cannot spell out four capitals.
        #expect(reader.read("抗原和细胞（CAR-T）", span: span).isEmpty)
        let article = try TestSupport.parse("car-t-risks-and-regulation-review-article")
        #expect(article.abbreviations.contains { $0.short == "CAR-T" && $0.long == "嵌合抗原受体（CAR）T细胞" && $0.span.startLine == 1 })
        #expect(!article.abbreviations.contains { $0.long == "细胞" })
    }
}
