import Foundation
import TestSupport
import Testing

/// `druglabel query` as users run it: filters, tidy CSV, every dose field, and options refused
/// the way the API refuses them.
@Suite("Query command")
struct QueryCommandTests {
    let cli = CommandLineTests()

    /// One index of the corpus, made by `druglabel index`, for the suite.
    static let db: Result<String, any Error> = Result {
        let db = try TestSupport.scratch().appendingPathComponent("index.sqlite").path
        let r = try CommandLineTests().run(["index", "Corpus", "--db", db])
        guard r.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: r.stderr]) }
        return db
    }

    func query(_ arguments: [String]) throws -> CommandLineTests.Run {
        try cli.run(["query"] + arguments + ["--db", try Self.db.get()])
    }

    func json(_ run: CommandLineTests.Run) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    }

    @Test("--min-grade3 alone: tidy CSV, one line per row, arm and grade, the percentage a number")
    func tidyCSV() throws {
        let csv = try query(["adverse-reactions", "--min-grade3", "20", "--format", "csv"])
        #expect(csv.status == 0)
        let table = CSV.parse(csv.stdout)
        #expect(table.first == ["file", "line", "end_line", "table", "soc", "term", "arm", "n", "grade", "percent"])
        let lines = table.dropFirst()
        #expect(lines.allSatisfy { $0.count == 10 && ["all", "3+"].contains($0[8]) && Int($0[1]) != nil })
        #expect(lines.allSatisfy { $0[9].isEmpty || Double($0[9]) != nil })
        // The seed's 发热 row of table 1 (line 269: 100 46 86 16): two arms × two grades.
        let fever = lines.filter { $0[0].hasSuffix("label-2024.txt") && $0[1] == "269" }
        #expect(fever.count == 4 && fever.allSatisfy { $0[5] == "发热" && $0[3] == "表 1" })
        #expect(fever.map { $0[9] } == ["100", "46", "86", "16"] && fever.map { $0[8] } == ["all", "3+", "all", "3+"])
        #expect(Set(fever.map { $0[6] }).count == 2)

        // The same rows as the JSON answer, spread out: a line for each arm and grade it has.
        let rows = try json(try query(["adverse-reactions", "--min-grade3", "20", "--format", "json"]))
        var expected = 0
        for hit in rows {
            let row = try #require(hit["row"] as? [String: Any])
            let arms = try #require(row["arms"] as? [[String: Any]])
            #expect(arms.contains { ($0["grade3OrWorse"] as? Double ?? -1) >= 20 })
            let grades = ["allGrades", "grade3OrWorse"].filter { g in arms.contains { $0[g] is Double } }
            expected += arms.count * grades.count
        }
        #expect(!rows.isEmpty && lines.count == expected)
        // A threshold in some arm of a row: a row whose arms are all under it is not there.
        #expect(!lines.contains { $0[0].hasSuffix("label-2024.txt") && $0[1] == "582" })
    }

    @Test("--term finds the term inside longer ones; text keeps one line per row")
    func termContained() throws {
        let text = try query(["adverse-reactions", "--term", "发热"])
        #expect(text.status == 0 && text.stdout.contains("发热性中性粒细胞减少") && text.stdout.contains("100/46"))
        let rows = try json(try query(["adverse-reactions", "--term", "发热", "--format", "json"]))
        #expect(rows.allSatisfy { (($0["row"] as? [String: Any])?["term"] as? String)?.contains("发热") == true })
        #expect(rows.count == text.stdout.split(separator: "\n").count - 1)
    }

    @Test("query doses: every field of the dose in text, JSON and CSV")
    func everyDoseField() throws {
        let text = try query(["doses", "--drug", "托珠单抗"])
        let header = try #require(text.stdout.split(separator: "\n").first)
        for column in ["DRUG", "WHO", "AMOUNT", "KIND", "ROUTE", "FREQUENCY", "SCHEDULE", "DURATION", "MAXIMUM", "CONDITION", "SOURCE"] {
            #expect(header.contains(column), "no \(column) column")
        }
        #expect(text.stdout.contains("8 mg/kg") && text.stdout.contains("不超过800 mg") && text.stdout.contains("label-2024.txt:1158"))

        let doses = try json(try query(["doses", "--format", "json"]))
        let keys = ["drug", "amount", "unit", "unitText", "per", "perTime", "population", "qualifier", "kind", "alternative",
                    "route", "routeText", "frequency", "schedule", "duration", "maximum", "condition", "text", "section", "span"]
        #expect(doses.count > 10)
        #expect(doses.allSatisfy { hit in (hit["dose"] as? [String: Any]).map { d in keys.allSatisfy { d.keys.contains($0) } } == true })
        #expect(doses.contains { ($0["dose"] as? [String: Any])?["schedule"] is String })
        #expect(doses.contains { ($0["dose"] as? [String: Any])?["duration"] is String })

        // CSV: the columns of `doses --format csv`, one line per dose, under one header.
        let csv = CSV.parse(try query(["doses", "--format", "csv"]).stdout)
        let direct = CSV.parse(try cli.run(["doses", "Corpus/\(TestSupport.labelName).txt", "--format", "csv"]).stdout)
        #expect(csv.first == direct.first && csv.count == doses.count + 1)
        let head = try #require(csv.first)
        for column in ["schedule", "duration", "maximum", "population", "per_time", "qualifier", "kind", "alternative"] {
            #expect(head.contains(column), "no \(column) column")
        }
        let schedule = try #require(head.firstIndex(of: "schedule"))
        #expect(csv.dropFirst().contains { !$0[schedule].isEmpty })
    }

    @Test("options are checked before the index is read: usage errors exit 64 and name the option")
    func usageErrors() throws {
        let refused: [([String], String)] = [
            (["adverse-reactions"], "--term"),
            (["adverse-reactions", "--term", " "], "--term"),
            (["adverse-reactions", "--min-grade3", "101"], "--min-grade3"),
            (["adverse-reactions", "--min-all", "-1"], "--min-all"),
            (["adverse-reactions", "--min-all", "nan"], "--min-all"),
            (["adverse-reactions", "--term", "发热", "--limit", "0"], "--limit"),
            (["adverse-reactions", "--term", "发热", "--format", "xml"], "--format"),
            (["doses", "--limit", "0"], "--limit"),
            (["doses", "--limit", "-3"], "--limit"),
            (["doses", "--unit", ""], "--unit"),
            (["fields", "--name", ""], "--name"),
            (["fields", "--name", "x", "--format", "yaml"], "--format"),
        ]
        for (arguments, option) in refused {
            let r = try query(arguments)
            #expect(r.status == 64 && r.stdout.isEmpty && r.stderr.contains(option), "\(arguments): \(r.status) \(r.stderr)")
        }
        let edges = try query(["adverse-reactions", "--min-all", "100", "--min-grade3", "0", "--limit", "1"])
        #expect(edges.status == 0)
    }
}

/// RFC 4180 as the commands write it: CRLF lines, fields quoted when they hold a comma, quote or
/// line break.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
