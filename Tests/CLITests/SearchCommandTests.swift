import Foundation
import TestSupport
import Testing

/// `search`, `show`, `index` and `export` as users run them: options checked as the API checks
/// them (usage errors, exit 64), read-only commands that never write, the summary line.
@Suite("Search command line")
struct SearchCommandTests {
    let cli = CommandLineTests()

    func indexed() throws -> String {
        let db = try TestSupport.scratch().appendingPathComponent("i.sqlite").path
        let r = try cli.run(["index", "Corpus", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    @Test("options the API refuses are usage errors (64) naming what is allowed")
    func validation() throws {
        let db = try indexed()
        let kind = try cli.run(["search", "发热", "--kind", "foo", "--db", db])
        #expect(kind.status == 64 && kind.stderr.contains("label, application, slides, article, unknown"))
        let limit = try cli.run(["search", "发热", "--limit", "0", "--db", db])
        #expect(limit.status == 64 && limit.stderr.contains("--limit"))
        let section = try cli.run(["search", "发热", "--section", "no_such_section", "--db", db])
        #expect(section.status == 64 && section.stderr.contains("unknown --section no_such_section"))
        let box = try cli.run(["search", "继发性血液系统恶性肿瘤", "--section", "boxed_warning", "--db", db])
        #expect(box.status == 0 && box.stdout.contains("boxed_warning") && box.stdout.contains("«继发性血液系统恶性肿瘤»"))
    }

    @Test("text output marks matches « » off a terminal and ends with the counts; CSV and JSON carry line, kind, occurrences")
    func output() throws {
        let db = try indexed()
        let text = try cli.run(["search", "托珠单抗", "--db", db, "--limit", "1000"])
        #expect(text.status == 0 && text.stdout.contains("«托珠单抗»") && !text.stdout.contains("\u{1B}["))
        let last = try #require(text.stdout.split(separator: "\n").last)
        #expect(last.range(of: #"^\d+ occurrences in \d+ matching sections in \d+ documents$"#, options: .regularExpression) != nil, "\(last)")
        let paged = try cli.run(["search", "托珠单抗", "--db", db, "--limit", "2"])
        #expect(paged.stdout.split(separator: "\n").last?.hasPrefix("hits 1–2 of ") == true)
        let csv = try cli.run(["search", "Chimeric", "--db", db, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("path,line,paragraph_line,kind,section,heading,generic_name,occurrences,score,snippet\r\n"))
        #expect(csv.stdout.contains(",article,"))
        let json = try cli.run(["search", "Chimeric", "--db", db, "--format", "json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(hits.first.map { $0["kind"] as? String == "article" && $0["line"] is Int && $0["paragraphLine"] is Int && $0["occurrences"] is Int } == true)
    }

    @Test("search and export on a missing or empty index file say how to make one and write nothing")
    func readOnly() throws {
        let dir = try TestSupport.scratch()
        let empty = dir.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        for command in [["search", "发热"], ["export"]] {
            let r = try cli.run(command + ["--db", empty])
            #expect(r.status == 1 && r.stderr.contains("no index here") && r.stderr.contains("druglabel index"))
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: empty)
        #expect(attributes[.size] as? Int == 0)
        let missing = dir.appendingPathComponent("missing.sqlite").path
        #expect(try cli.run(["search", "发热", "--db", missing]).status == 1 && !FileManager.default.fileExists(atPath: missing))
    }

    @Test("a damaged index: the message says so and gives the way out, without SQL")
    func damaged() throws {
        let db = try indexed()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        // Most pages overwritten, the header and the schema's first page spared: whatever each
        // command reads first (sections and postings for search, sources for export) is damaged.
        bytes.replaceSubrange(bytes.count / 8..<(bytes.count * 7 / 8), with: Data(repeating: 0x5A, count: bytes.count * 7 / 8 - bytes.count / 8))
        try bytes.write(to: URL(fileURLWithPath: db))
        for command in [["search", "托珠单抗", "--limit", "1000"], ["export"]] {
            let r = try cli.run(command + ["--db", db])
            #expect(r.status == 1 && r.stderr.hasPrefix("druglabel: error: \(db) is damaged") && r.stderr.contains("--rebuild"), "\(r.stderr)")
            #expect(!r.stderr.contains("SELECT"))
        }
        let rebuilt = try cli.run(["index", "--rebuild", "Corpus", "--db", db])
        #expect(rebuilt.status == 0 && rebuilt.stdout.contains("5 added"))
        #expect(try cli.run(["search", "托珠单抗", "--db", db]).status == 0)
    }

    @Test("show FILE boxed_warning prints the boxed warning")
    func showBoxedWarning() throws {
        let r = try cli.run(["show", "Corpus/\(TestSupport.labelName).txt", "boxed_warning"])
        #expect(r.status == 0 && r.stdout.hasPrefix("【") && r.stdout.contains("继发性血液系统恶性肿瘤"))
        let byTitle = try cli.run(["show", "Corpus/\(TestSupport.labelName).txt", "警告"])
        #expect(byTitle.stdout == r.stdout)
    }
}
