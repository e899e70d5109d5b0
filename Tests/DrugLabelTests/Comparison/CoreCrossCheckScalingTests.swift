@testable import DrugLabel
import Foundation
import TestSupport
import Testing

/// `crosscheck` stays linear on a document that quotes the same headings thousands of times:
/// each label section is made comparable once, a quote already seen is not diffed again, and a
/// short quote of a long section is not aligned word by word.
@Suite("Cross-check scaling")
struct CoreCrossCheckScalingTests {
    /// The seed label's own 【】 headings, one a line, repeated to `bytes`; `body` adds a line
    /// of text under each (numbered, so no two quotes are alike).
    static func quotedHeadings(bytes: Int, body: Bool) throws -> String {
        let label = String(decoding: try TestSupport.bytes(TestSupport.labelName), as: UTF8.self)
        let headings = label.matches(of: try Regex("【[^】]+】")).map { String(label[$0.range]) }
        var out = "", n = 0
        while out.utf8.count < bytes {
            for h in headings {
                out += h + "\n"
                if body { out += "本品用于测试第\(n)次，每次 \(n % 40 + 1) mg。\n"; n += 1 }
            }
        }
        return out
    }

    func check(_ text: String) throws -> (report: CrossCheckReport, seconds: Double) {
        let parser = try LabelParser()
        let label = try parser.parseDocument(bytes: TestSupport.bytes(TestSupport.labelName), path: "label.txt")
        let document = try parser.parseDocument(bytes: Array(text.utf8), path: "quotes.txt")
        let start = Date()
        let report = try CrossChecker().check(document, against: label)
        return (report, Date().timeIntervalSince(start))
    }

    @Test("80 KB of bare quoted headings: every one answered, none listed as the whole label section")
    func bareHeadings() throws {
        let (report, seconds) = try check(try Self.quotedHeadings(bytes: 80_000, body: false))
        let sections = report.comparisons.filter { $0.what.contains("_") }
        #expect(sections.count > 3000)
        #expect(sections.allSatisfy { $0.verdict == .notCompared && $0.differences.isEmpty })
        #expect(sections.first?.note == "only the heading is quoted: no text under it to compare")
        // Was 38 s in a release build for 70 KB; a debug build now takes a few.
        #expect(seconds < 60)
    }

    @Test("short quotes under every heading: each different, none aligned with a long section word by word")
    func shortQuotes() throws {
        let (report, seconds) = try check(try Self.quotedHeadings(bytes: 20_000, body: true))
        let sections = report.comparisons.filter { $0.what.contains("_") && $0.verdict == .different }
        #expect(sections.count > 250)
        let warnings = try #require(sections.first { $0.what == "warnings_and_cautions" })
        #expect(warnings.differences.isEmpty && warnings.note?.contains("nothing in it aligns") == true)
        // Was 450 s in a debug build.
        #expect(seconds < 60)
    }

    @Test("the diff budget grows with the texts: similar texts align, a short one against a long one does not")
    func budget() {
        let long = (0..<5000).map { "w\($0)" }
        var edited = long
        for i in stride(from: 0, to: 5000, by: 100) { edited[i] = "x" }
        let ops = TokenDiff.diff(long, edited)
        #expect(ops.filter { if case .change = $0 { return true } else { return false } }.count == 50)
        #expect(TokenDiff.diff(Array(long.prefix(10)) + ["y"], long) == [.equal(0..<10, 0..<10), .change(10..<11, 10..<5000)])
    }
}
