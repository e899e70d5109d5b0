@testable import DrugLabel
import Foundation
import TestSupport
import Testing

/// `diff`: copies of the seed label with one edit each report exactly that edit; re-wrapped and
/// re-encoded copies report nothing.
@Suite("Label diff")
struct DiffTests {
    let parser: LabelParser
    let differ: LabelDiffer
    let original: String

    init() throws {
        parser = try LabelParser()
        differ = try LabelDiffer()
        original = String(decoding: try TestSupport.bytes(TestSupport.labelName), as: UTF8.self)
    }

    func document(_ bytes: [UInt8], _ path: String) throws -> ParsedDocument {
        try parser.parseDocument(bytes: bytes, path: path)
    }

    /// The seed label against `edited` (the seed label's text with an edit).
    func diff(_ edited: String) throws -> LabelDiffReport {
        try differ.diff(try document(Array(original.utf8), "old.txt"), try document(Array(edited.utf8), "new.txt"))
    }

    func edit(_ old: String, _ new: String) -> String {
        precondition(original.contains(old), "the seed label has no “\(old)”")
        return original.replacingOccurrences(of: old, with: new)
    }

    static let sentence = "育龄期女性在接受本品治疗前，需核实其妊娠状态。 \n"

    @Test("a changed dose: one changed sentence, its number marked, and the dose called out")
    func changedDose() throws {
        let r = try diff(edit("静脉给予托珠单抗 c 8 mg/kg", "静脉给予托珠单抗 c 10 mg/kg"))
        #expect(r.sections.map(\.heading) == ["注意事项"] && r.sections[0].kind == .changed && !r.sections[0].moved)
        let change = try #require(r.sections[0].sentences.first)
        #expect(r.sections[0].sentences.count == 1 && change.kind == .changed && change.oldLine == 1158 && change.newLine == 1158)
        #expect(change.words.map { "\($0.old)→\($0.new)" } == ["8→10"])
        #expect(r.numbers.map { "\($0.what) \($0.context): \($0.old ?? "") → \($0.new ?? "")" } == ["dose 托珠单抗 【注意事项】: 8 mg/kg → 10 mg/kg"])
    }

    @Test("a removed sentence")
    func removedSentence() throws {
        let r = try diff(edit(Self.sentence, ""))
        #expect(r.sections.map(\.heading) == ["孕妇及哺乳期妇女用药"] && r.numbers.isEmpty)
        #expect(r.sections[0].sentences.map { "\($0.kind.rawValue) \($0.oldLine ?? 0) \($0.old ?? "")" }
                == ["removed 1567 育龄期女性在接受本品治疗前，需核实其妊娠状态。"])
    }

    @Test("a new section")
    func newSection() throws {
        let r = try diff(edit("【药物相互作用】", "【特殊人群用药】\n\n肝功能不全者慎用。 \n\n【药物相互作用】"))
        #expect(r.sections.map { "\($0.kind.rawValue) \($0.key ?? "") \($0.newSpan?.startLine ?? 0)" } == ["added use_in_specific_populations 1610"])
        #expect(r.numbers.isEmpty)
    }

    @Test("a moved paragraph is a move, not a removal and an addition")
    func movedParagraph() throws {
        let moved = edit(Self.sentence, "").replacingOccurrences(of: "妊娠期 \n", with: Self.sentence + "\n妊娠期 \n")
        let r = try diff(moved)
        #expect(r.sections.count == 1 && r.numbers.isEmpty)
        #expect(r.sections[0].sentences.map { "\($0.kind.rawValue) \($0.oldLine ?? 0)→\($0.newLine ?? 0)" } == ["moved 1567→1575"])
    }

    @Test("a section moved elsewhere is moved, its text unchanged")
    func movedSection() throws {
        let block = "【药物滥用和药物依赖】 \n\n暂无相关研究内容。 \n\n"
        let r = try diff(edit(block, "").replacingOccurrences(of: " 【临床药理】", with: block + " 【临床药理】"))
        #expect(r.sections.count == 1 && r.sections[0].moved && r.sections[0].kind == .unchanged && r.sections[0].sentences.isEmpty)
    }

    @Test("re-wrapped and re-encoded copies: no change")
    func sameText() throws {
        let single = original.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n")
        #expect(try diff(single).isEmpty)
        let gb = try TextEncoding.encode(original, as: "GB18030")
        let r = try differ.diff(try document(Array(original.utf8), "old.txt"), try document(gb, "gb.txt"))
        #expect(r.isEmpty)
    }

    @Test("two texts with nothing in common: every section changed, no sentence paired by mistake")
    func unrelated() throws {
        // Every body line written backwards: the same headings, no sentence left.
        let reversed = original.components(separatedBy: "\n").map { $0.contains("【") ? $0 : String($0.reversed()) }.joined(separator: "\n")
        let r = try diff(reversed)
        #expect(r.sections.count == 25 && r.sections.allSatisfy { $0.kind == .changed })
        #expect(r.sections.flatMap(\.sentences).allSatisfy { $0.kind != .moved })
        #expect(TokenDiff.diff(["a", "b"], ["c", "d", "e"]) == [.change(0..<2, 0..<3)])
    }

    /// The seed label with its long prose lines broken at `width` characters, between two Han
    /// characters (as a narrower PDF page breaks them); tables and the boxed warning, whose
    /// layout the parser reads, are left as they are.
    func rewrapped(_ width: Int, _ source: String? = nil) throws -> String {
        let text = source ?? original
        let label = try parser.parse(bytes: Array(text.utf8), path: "old.txt")
        var keep = Set<Int>()
        for t in label.tables { keep.formUnion(t.span.startLine...t.span.endLine) }
        if let box = label.boxedWarning { keep.formUnion(box.span.startLine...box.span.endLine) }
        let han = { (c: Character) in c.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } }
        return text.components(separatedBy: "\n").enumerated().map { i, line -> String in
            guard !keep.contains(i + 1), !line.contains("【"), line.count > width + 4 else { return line }
            var pieces: [String] = [], current = ""
            let chars = Array(line)
            for (j, c) in chars.enumerated() {
                current.append(c)
                if current.count >= width, han(c), j + 1 < chars.count, han(chars[j + 1]) { pieces.append(current); current = "" }
            }
            if !current.isEmpty { pieces.append(current) }
            return pieces.joined(separator: "\n\n")
        }.joined(separator: "\n")
    }

    @Test("re-wrapped at other widths: no section or sentence changed; a real edit still is", arguments: [13, 20, 31])
    func rewrappedCopies(_ width: Int) throws {
        let copy = try rewrapped(width)
        #expect(copy != original)
        let r = try diff(copy)
        #expect(r.sections.isEmpty, "\(r.sections.map(\.heading))")
        // With a real edit as well, that edit alone is reported.
        let edited = try rewrapped(width, edit("需核实其妊娠状态", "需核实其哺乳状态"))
        #expect(edited != copy)
        let e = try diff(edited)
        #expect(e.sections.map(\.heading) == ["孕妇及哺乳期妇女用药"])
        #expect(e.sections.first?.sentences.map(\.kind) == [.changed])
        #expect(e.sections.first?.sentences.first?.words.map { "\($0.old)→\($0.new)" } == ["妊娠→哺乳"])
    }

    /// A label of our own sentences, with a dose, in Simplified characters.
    static let small = "【药品名称】\n通用名称：测试片\n【适应症】\n用于治疗原发性高血压。\n【用法用量】\n口服，成人一次10mg，一日2次，最大剂量不超过40mg。\n"
        + "【不良反应】\n常见头痛、头晕和乏力。偶见皮疹。\n【注意事项】\n肝功能不全者慎用。驾驶车辆时应注意。\n"

    @Test("a copy in Traditional characters: nothing changed; a real edit in it still is")
    func traditional() throws {
        let convert = try Transliterator("Simplified-Traditional")
        let traditional = try #require(convert(Self.small))
        #expect(traditional != Self.small && traditional.contains("藥品名稱"))
        let old = try document(Array(Self.small.utf8), "old.txt"), new = try document(Array(traditional.utf8), "new.txt")
        // Sections and sentences are matched on folded text, doses and table cells compared on
        // folded forms: the Traditional copy reads the same dose (its drug from 通用名稱).
        #expect(old.label.doses.count == 1 && new.label.doses.count == 1)
        let r = differ.diff(old, new)
        #expect(r.sections.isEmpty, "\(r.sections.map(\.heading))")
        #expect(r.numbers.isEmpty, "\(r.numbers)")
        let edited = try #require(convert(Self.small.replacingOccurrences(of: "一次10mg", with: "一次20mg")))
        let e = differ.diff(old, try document(Array(edited.utf8), "edited.txt"))
        #expect(e.sections.map(\.key) == ["dosage_and_administration"])
        #expect(e.sections.first?.sentences.first?.words.map { "\($0.old)→\($0.new)" } == ["10→20"])
        #expect(e.numbers.count == 1)
    }
}
