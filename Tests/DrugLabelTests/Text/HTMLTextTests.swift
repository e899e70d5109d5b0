import DrugLabel
import Foundation
import Testing

/// HTML that web pages and label databases leave in text files: markup, not text, in every
/// stage's output, with each line keeping its number in the file.
@Suite("HTML in text files")
struct HTMLTextTests {
    let parser: LabelParser

    init() throws { parser = try LabelParser() }

    func parse(_ text: String) throws -> Label {
        try parser.parse(bytes: Array(text.utf8), path: "web.txt")
    }

    /// Every string the parse writes, for the check that no markup is left.
    func strings(_ label: Label) -> [String] {
        var all = label.sections.flatMap { [$0.heading, $0.text] }
        all += label.doses.flatMap { [$0.text, $0.unitText, $0.population ?? "", $0.frequency ?? ""] }
        all += [label.metadata.genericName, label.metadata.tradeName, label.metadata.englishName].compactMap { $0 }
        return all
    }

    @Test("tags and entities of a web-saved label are gone from headings, text, names and doses")
    func webLabel() throws {
        let text = """
            【药品名称】<br />\r
            通用名称：测试&nbsp;胶囊<br />\r
            <span style="color:red">【禁忌】</span><br />\r
            对本品过敏者禁用。<br/>\r
            <p>【用法用量】</p><p>口服。一次2粒，一日3次。</p>\r
            【注意事项】肌酐清除率&lt;30ml/min者慎用；维生素B<sub>12</sub>缺乏者慎用。&#20320;<br />\r
            """
        let label = try parse(text)
        #expect(label.metadata.genericName == "测试 胶囊")
        #expect(label.sections.map(\.key) == ["names", "contraindications", "dosage_and_administration", "warnings_and_cautions"])
        let dosing = try #require(label.section("dosage_and_administration"))
        // `<p>…</p><p>…</p>` on line 5: two lines, both numbered 5.
        #expect(dosing.span.startLine == 5 && dosing.text == "口服。一次2粒，一日3次。")
        let dose = try #require(label.doses.first)
        #expect(dose.amount.value == 2 && dose.unit == "capsule" && dose.span.startLine == 5 && dose.route == "口服")
        let cautions = try #require(label.section("warnings_and_cautions"))
        #expect(cautions.text.contains("肌酐清除率<30ml/min") && cautions.text.contains("B12缺乏") && cautions.text.hasSuffix("你"))
        let tag = try NSRegularExpression(pattern: "</?(br|p|div|span|sub|sup|font|b|strong|table|tr|td)\\b[^>]*>|&[a-zA-Z]+;|&#\\d+;")
        for s in strings(label) {
            #expect(tag.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil, "markup left in \(s)")
        }
    }

    @Test("a plain < in text stays text; an unknown tag name is text too")
    func plainLessThan() throws {
        let label = try parse("【注意事项】\nP<0.05；<30ml/min；<img>不是标记。\n")
        #expect(label.sections.first?.text == "P<0.05；<30ml/min；<img>不是标记。")
    }

    @Test("<sup> after a number is an exponent, after a unit letter a power, elsewhere a citation mark")
    func superscripts() throws {
        let label = try parse("【药品名称】\n通用名称：测试注射液\n【用法用量】\n肌内注射，一次3×10<sup>6</sup>IU，一日1次；一次30mg/m<sup>2</sup>。\n【临床研究】\n研究显示<sup>[1]</sup>有效<sup>2</sup>。\n")
        #expect(label.doses.map(\.amount.value) == [3_000_000, 30])
        #expect(label.doses.map(\.per) == ["dose", "m2"])
        #expect(label.section("dosage_and_administration")?.text.contains("3×10⁶IU") == true)
        #expect(label.section("clinical_studies")?.text == "研究显示有效。")
    }

    @Test("markup is read on bytes with the characters around it whole: wide spaces, entities, long attributes, cell rows")
    func markupAmongWideCharacters() {
        let html = HTMLMarkup.standard
        // A block tag cuts; a cell tag replaces the spaces before it (full-width and no-break too).
        #expect(html.pieces(of: "甲\u{3000}\u{A0} <td>乙<br/>丙") == ["甲 | 乙", "丙"])
        // Entities: named with and without `;` (only nbsp may drop it), numeric, and a control
        // character written as one.
        #expect(html.pieces(of: "你&#x597D;&#22909;&lt;&nbsp三&amp&#7;号&nbsp2") == ["你好好< 三&amp号&nbsp2"])
        // Attributes with wide characters: the `>` must come within 600 characters, not bytes.
        let near = String(repeating: "说", count: 590), far = String(repeating: "说", count: 610)
        #expect(html.pieces(of: "前<span title=\"\(near)\">后") == ["前后"])
        #expect(html.pieces(of: "前<span title=\"\(far)\">后") == ["前<span title=\"\(far)\">后"])
        // A superscript after a wide character is a citation mark, its attaching wide space kept
        // (only ASCII spaces go with it); after a digit an exponent.
        #expect(html.pieces(of: "研究 <sup>3</sup>\u{3000}显示10<sup>−6</sup>") == ["研究\u{3000}显示10⁻⁶"])
        // A tab-separated row whose cells hold block markup keeps its line, only citations read.
        #expect(html.pieces(of: "甲<br>乙\t丙<br>丁<sup>1</sup>") == ["甲<br>乙\t丙<br>丁"])
        #expect(html.plainText("<p>一&nbsp;二</p><p>\u{3000}</p>三") == "一 二\n三")
    }

    @Test("DEL and other control bytes are dropped")
    func controlBytes() throws {
        // UTF-8 only: that UTF-16 and GB18030 files with DEL bytes are refused as binary is
        // the robustness issue's to mend.
        let label = try parse("【禁忌】\n对本品\u{7F}过敏者\u{1}禁用。\u{85}\n")
        #expect(label.sections.first?.text == "对本品过敏者禁用。")
    }

    @Test("a whole label on one line with <br /> between its parts keeps every part on that line")
    func oneLine() throws {
        let label = try parse("【药品名称】通用名称：测试片<br />【用法用量】口服，一次1片，一日2次。<br />【禁忌】孕妇禁用。<br />")
        #expect(label.sections.map(\.key) == ["names", "dosage_and_administration", "contraindications"])
        #expect(label.sections.allSatisfy { $0.span.startLine == 1 })
        #expect(label.doses.first?.drug == "测试片" && label.doses.first?.frequency == "一日2次")
    }
}
