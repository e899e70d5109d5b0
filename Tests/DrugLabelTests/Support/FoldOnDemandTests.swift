@testable import DrugLabel
import Foundation
import TestSupport
import Testing

/// A line's `RuleFold` form is made when asked, and the rules that look at every line rule most
/// lines out on the text as written first. Each shortcut must judge every line as the whole
/// fold does.
@Suite struct FoldOnDemandTests {
    /// Every line of Corpus and labels-dev, with lines that probe the shortcuts' edges: full-width
    /// digits, Traditional 頁, and lengths about the three-to-one limit of a fold.
    static let lines: [String] = {
        var lines: [String] = []
        for folder in [TestSupport.corpus, TestSupport.labelsDev.appendingPathComponent("labels")] {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
                lines += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
        let wide = String(repeating: "\u{FF11}", count: 58)
        return lines + ["第 １２ 页/共 ２７ 页", "第 12 頁/共 27 頁", "- ３ -", "— 3 —", "Page ７ of 9", "Ｐａｇｅ ３", "ＰＡＧＥ 3", "－ ３ －", "第3頁",
                        wide + "页", wide + "页页", wide + "\u{FF12}\u{FF13}", "１ 級", "3 級", "表１．CRS 分級", "表 3.  CRS 分级"]
    }()

    @Test("a page footer is found on the line as written where its fold finds one")
    func pageFooters() {
        let furniture = PageFurniture(rules: .standard)
        var footers = 0
        for text in Self.lines {
            let line = SourceLine(number: 1, text: text)
            let folded = furniture.isPageFooter(folded: RuleFold.fold(text))
            #expect(furniture.isPageFooter(line) == folded, "\(text)")
            if folded { footers += 1 }
        }
        #expect(footers >= 4)
    }

    @Test("a pattern tried on the line as written matches where it matches the fold")
    func patterns() {
        let rules = TableRules.standard
        var matched = 0
        for text in Self.lines {
            for rule in [rules.caption, rules.gradeRow, rules.footnoteDefinition] + TextRules.standard.pageFooters {
                let whole = rule.firstMatch(folded: RuleFold.fold(text))
                let lazy = rule.firstMatch(folding: text)
                #expect((0..<(whole?.numberOfRanges ?? 0)).map { whole!.range(at: $0) }
                    == (0..<(lazy?.numberOfRanges ?? 0)).map { lazy!.range(at: $0) }, "\(text)")
                if whole != nil { matched += 1 }
            }
        }
        #expect(matched > 100)
    }

    @Test("grade rows and captions are judged on the line as written as on its fold")
    func gradeRowsAndCaptions() {
        let rules = TableRules.standard
        var grades = 0, captions = 0
        for text in Self.lines {
            let line = SourceLine(number: 1, text: text)
            let folded = RuleFold.fold(text)
            let grade = folded.utf8.count <= 12 && folded.lastScalar.map(rules.gradeRowEndings.contains) == true
                && rules.gradeRow.matches(folded: folded)
            #expect(rules.isGradeRow(line) == grade, "\(text)")
            if grade { grades += 1 }
            if rules.caption.matches(folded: folded) {
                #expect(rules.mayBeCaption(line), "\(text)")
                captions += 1
            }
            if TableCaption(line, rules: rules) != nil { #expect(rules.caption.matches(folded: folded)) }
        }
        #expect(grades >= 2)
        #expect(captions >= 5)
    }
}
