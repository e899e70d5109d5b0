@testable import DrugLabel
import Testing

/// A row label with nothing to move out takes a short way: it must give what reading it
/// scalar by scalar gives, and every label with something to move out must take the long way.
@Suite struct RowLabelTests {
    let rules = TableRules.standard

    @Test("a plain label reads as the scalar-by-scalar reading reads it, on every line of the corpus and labels-dev")
    func plainLabels() {
        let texts = FoldOnDemandTests.lines + ["发热", "  中性粒细胞减少症 ", "低  血压", "\u{3000}头痛\u{3000}", "Ⅲ级", ")"]
        var plain = 0
        for text in texts where RowLabel.isPlain(text, rules: rules) {
            plain += 1
            let short = RowLabel(text, rules: rules), read = RowLabel(reading: text, rules: rules)
            // Byte for byte: String's == would let a differently normalized text pass.
            #expect(Array(short.text.utf8) == Array(read.text.utf8) && short == read, "\(text.debugDescription)")
        }
        #expect(plain > 1000, "the corpus has many lines with nothing to move out")
    }

    @Test("a label with a footnote, a bracket, a comma or a statistic word is read scalar by scalar")
    func annotatedLabels() {
        for text in ["疲劳 a", "各类检查#", "客观缓解率（ORR）a（%）（95%CI）", "事件数，n（%）", "缓解持续时间（月）中位值",
                     "Grade 3", "总生存期 (月)", "[95% CI]"] {
            #expect(!RowLabel.isPlain(text, rules: rules), "\(text)")
        }
        let label = RowLabel("客观缓解率（ORR）a（%）（95%CI）", rules: rules)
        #expect(label.text == "客观缓解率（ORR）" && label.footnotes == ["a"] && label.unit == "%" && label.statistic == "95%CI")
    }
}
