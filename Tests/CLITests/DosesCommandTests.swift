import DrugLabel
import Foundation
import TestSupport
import Testing

/// `druglabel doses` lists a document's doses top to bottom, in every format.
@Suite("Doses command")
struct DosesCommandTests {
    let cli = CommandLineTests()

    @Test("rows in line order in text, JSON and CSV, every dose of the file kept")
    func lineOrder() throws {
        for name in [TestSupport.labelName, "zevorcabtagene-autoleucel-nrdl-application-2025"] {
            let path = "Corpus/\(name).txt"
            let read = try TestSupport.parse(name).doses.map(\.span.startLine)

            let json = try cli.run(["doses", path, "--format", "json"])
            let files = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            let doses = try #require(files.first?["doses"] as? [[String: Any]])
            let lines = doses.compactMap { ($0["span"] as? [String: Any])?["startLine"] as? Int }
            #expect(lines.count == read.count && lines == read.sorted(), "\(name)")

            let csv = CSV.parse(try cli.run(["doses", path, "--format", "csv"]).stdout)
            let line = try #require(csv.first?.firstIndex(of: "line"))
            #expect(csv.dropFirst().map { Int($0[line]) } == lines.map(Optional.some))

            let text = try cli.run(["doses", path]).stdout.split(separator: "\n").dropFirst(2)
            #expect(text.map { Int($0.prefix { $0 != " " }) } == lines.map(Optional.some))
        }
    }

    @Test("doses on one line keep the reader's order")
    func sameLineStable() throws {
        // Two doses on one line, for two populations, between two lines of one dose each.
        let doc = try TestSupport.scratch().appendingPathComponent("order.txt")
        try Data("【药品名称】\n通用名称：测试片\n【用法用量】\n维持剂量一次5mg，一日1次。\n口服，成人一次10mg，一日2次；儿童一次5mg，一日2次。\n首次剂量为20mg。\n".utf8)
            .write(to: doc)
        let label = try LabelParser().parse(fileAt: doc.path)
        let json = try cli.run(["doses", doc.path, "--format", "json"])
        let files = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let doses = try #require(files.first?["doses"] as? [[String: Any]])
        let expected = label.doses.enumerated().sorted { ($0.element.span.startLine, $0.offset) < ($1.element.span.startLine, $1.offset) }
        #expect(doses.map { $0["population"] as? String } == expected.map(\.element.population))
        #expect(doses.map { ($0["span"] as? [String: Any])?["startLine"] as? Int } == [4, 5, 5, 6])
        #expect(doses.compactMap { $0["population"] as? String } == ["成人", "儿童"])
    }

    @Test("an empty --drug is a usage error, not every dose")
    func emptyDrug() throws {
        let r = try cli.run(["doses", "Corpus/\(TestSupport.labelName).txt", "--drug", ""])
        #expect(r.status == 64 && r.stderr.contains("--drug") && r.stdout.isEmpty)
    }
}
