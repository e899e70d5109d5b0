import DrugLabel
import Foundation
import TestSupport
import Testing

/// The same label wrapped differently gives the same sections: keys, headings and text. Line
/// numbers differ, so spans are not compared.
@Suite("Re-wrapped copies")
struct RewrapTests {
    func sections(_ label: Label, _ fold: Fold) -> [String] {
        label.sections.map { "\($0.key ?? "null") \(fold($0.heading)) \(fold($0.text))" }
    }

    @Test("single-spaced: the blank line after every line removed")
    func singleSpaced() throws {
        let fold = try Fold()
        let original = try TestSupport.parse(TestSupport.labelName)
        let text = String(decoding: try TestSupport.bytes(TestSupport.labelName), as: UTF8.self)
        let single = text.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .joined(separator: "\n")
        let copy = try LabelParser().parse(bytes: Array(single.utf8), path: "single.txt")
        #expect(sections(copy, fold) == sections(original, fold))
        #expect(copy.boxedWarning?.items == original.boxedWarning?.items)
        // Numeric tables do not lean on the blank lines; prose tables do (a line of one space
        // separates paragraphs of a cell), so they are not compared.
        let numeric = { (label: Label) in
            label.tables.filter { $0.kind == .numeric }.map { t in
                t.rows.map { r in "\(t.id) \(r.group ?? "") \(r.label) \(r.cells.map { $0.raw }) \(r.footnotes)" }
            }
        }
        #expect(numeric(copy) == numeric(original))
        #expect(numeric(copy).count == 5)
    }

    @Test("wrapped at another width: every paragraph broken at 30 characters")
    func narrower() throws {
        let fold = try Fold()
        let original = try TestSupport.parse(TestSupport.labelName)
        var out: [String] = []
        func wrap(_ paragraph: Substring) {
            var line = ""
            for c in paragraph {
                line.append(c)
                // Break inside the sentence, as a PDF does, never just before a closing mark.
                if line.count >= 30, !"，。）)、；：".contains(c) { out.append(line); line = "" }
            }
            if !line.isEmpty { out.append(line) }
        }
        for section in original.sections {
            out.append("【\(section.heading)】")
            for paragraph in section.text.split(separator: "\n") { wrap(paragraph) }
        }
        let copy = try LabelParser().parse(bytes: Array(out.joined(separator: "\n").utf8), path: "narrow.txt")
        #expect(sections(copy, fold) == sections(original, fold))
    }
}
