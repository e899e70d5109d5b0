@testable import DrugLabel
import Foundation
import TestSupport
import Testing

/// `crosscheck` on the corpus: what ../shared/expectations lists under `crosscheckAgainst000`
/// for the slides (001) and the 2023 application (002), and no other difference.
@Suite("Cross-check")
struct CrossCheckTests {
    let parser: LabelParser
    let checker: CrossChecker

    init() throws {
        parser = try LabelParser()
        checker = try CrossChecker()
    }

    func document(_ name: String) throws -> ParsedDocument {
        try parser.parseDocument(bytes: TestSupport.bytes(name), path: "Corpus/\(name).txt")
    }

    func report(_ name: String) throws -> CrossCheckReport {
        try checker.check(try document(name), against: try document(TestSupport.labelName))
    }

    @Test("slides (001): the English name differs; strengths and indications agree after normalization; the summary is not compared")
    func slides() throws {
        let r = try report("axicabtagene-ciloleucel-slides-2025")
        #expect(r.warning == nil)
        #expect(r.comparisons.filter { $0.verdict == .different }.map(\.what) == ["englishName"])
        let english = try #require(r.comparisons.first { $0.what == "englishName" })
        #expect(english.value == "Axicabtagene Ciloleuceil Injection" && english.labelValue == "Axicabtagene Ciloleucel Injection")
        #expect(english.differences.map { "\($0.here)|\($0.label)" } == ["Ciloleuceil|Ciloleucel"])
        let strengths = try #require(r.comparisons.first { $0.what == "dosage_forms_and_strengths" })
        #expect(strengths.verdict == .equalAfterNormalization && strengths.note?.contains("“10^6” here, “106” in the label") == true)
        #expect(strengths.numbers == "agree: 2×10^6 cells/kg (maximum 2×10^8 cells/dose); 1.5×10^6–2×10^6 cells/kg")
        let indications = try #require(r.comparisons.first { $0.what == "indications_and_usage" })
        #expect(indications.verdict == .equalAfterNormalization && indications.note == "“1、” here, “1.” in the label")
        let summary = try #require(r.comparisons.first { $0.name == "用法用量 (概述)" })
        #expect(summary.verdict == .notCompared && summary.what == "dosage_and_administration")
    }

    @Test("application (002): the holder and the company to call differ; approval number, strengths and indications agree")
    func application() throws {
        let r = try report("axicabtagene-ciloleucel-nrdl-application-2023")
        #expect(r.comparisons.filter { $0.verdict == .different }.map(\.what) == ["holder", "dosage_and_administration"])
        let holder = try #require(r.comparisons.first { $0.what == "holder" })
        #expect(holder.value == "复星凯特生物科技有限公司" && holder.labelValue == "复星凯瑞（上海）生物科技有限公司")
        let approval = try #require(r.comparisons.first { $0.what == "approvalNumber" })
        #expect(approval.verdict == .contains && approval.value == "2023S00963/国药准字S20210019" && approval.labelValue == "国药准字S20210019")
        let strengths = try #require(r.comparisons.first { $0.what == "dosage_forms_and_strengths" })
        #expect(strengths.verdict == .equalAfterNormalization && strengths.note?.contains("106") == true)
        #expect(r.comparisons.first { $0.what == "indications_and_usage" }?.verdict == .equal)
        // 说明书用法用量: one difference, the company to call (application line 64, label line 131).
        let dosage = try #require(r.comparisons.first { $0.what == "dosage_and_administration" })
        #expect(dosage.differences.count == 1)
        let d = try #require(dosage.differences.first)
        #expect(d.here == "特" && d.label == "瑞（上海）" && d.before.hasSuffix("致电复星凯") && d.line == 64 && d.labelLine == 131)
        #expect(dosage.numbers?.hasPrefix("agree:") == true)
    }

    @Test("a document about another drug is said to be one")
    func otherDrug() throws {
        let r = try report("zevorcabtagene-autoleucel-nrdl-application-2025")
        #expect(r.warning?.contains("泽沃基奥仑赛注射液") == true)
    }

    @Test("the token diff rebuilds the new side from the old, and keeps equal runs equal")
    func tokenDiff() {
        var generator = SplitMix(seed: 7)
        let alphabet = ["a", "b", "c", "d", "抗", "体"]
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var rebuilt: [String] = []
            var i = 0
            var edits = 0
            for op in TokenDiff.diff(a, b) {
                switch op {
                case .equal(let ra, let rb):
                    #expect(ra.lowerBound == i && Array(a[ra]) == Array(b[rb]))
                    rebuilt += a[ra]
                    i = ra.upperBound
                case .change(let ra, let rb):
                    #expect(ra.lowerBound == i)
                    rebuilt += b[rb]
                    i = ra.upperBound
                    edits += ra.count + rb.count
                }
            }
            #expect(rebuilt == b && i == a.count, "\(a) → \(b)")
            // Shortest: no more edits than the two lengths less twice their longest common subsequence.
            #expect(edits == a.count + b.count - 2 * lcs(a, b), "\(a) → \(b)")
        }
    }

    private func lcs(_ a: [String], _ b: [String]) -> Int {
        var t = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count { for j in 0..<b.count { t[i + 1][j + 1] = a[i] == b[j] ? t[i][j] + 1 : max(t[i][j + 1], t[i + 1][j]) } }
        return t[a.count][b.count]
    }
}
