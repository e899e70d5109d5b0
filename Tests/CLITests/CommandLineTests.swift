import DrugLabel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// The `druglabel` executable as users run it: exit codes, stderr, several files in one run.
@Suite("Command line")
struct CommandLineTests {
    typealias Run = CommandRunner.Run

    /// The executable built next to this test bundle.
    static func executable() throws -> URL { try CommandRunner.executable() }

    func run(_ arguments: [String], cwd: URL = TestSupport.repository) throws -> Run {
        try CommandRunner().run(arguments, cwd: cwd)
    }

    @Test("a bad file among good ones: the good ones are parsed, the bad one is named, exit 1")
    func badFileAmongGood() throws {
        let dir = try TestSupport.scratch()
        let pdf = dir.appendingPathComponent("scan.pdf")
        try Data("%PDF-1.4\n".utf8).write(to: pdf)
        let label = "Corpus/\(TestSupport.labelName).txt"
        let r = try run(["parse", label, "Corpus/missing.txt", pdf.path, label])
        #expect(r.status == 1)
        #expect(r.stderr.contains("druglabel: error: Corpus/missing.txt: no such file"))
        #expect(r.stderr.contains("druglabel: error: \(pdf.path): is a PDF"))
        let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 2)
        #expect(parsed?.first?["kind"] as? String == "label")
    }

    @Test("golden update asks at a terminal: y writes, anything else does not")
    func terminalPrompt() throws {
        // util-linux's `script` gives the command a pseudo-terminal, as a person's shell would.
        for (answer, writes) in [("y", true), ("n", false)] {
            let dir = try TestSupport.scratch()
            let corpus = dir.appendingPathComponent("Corpus")
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            try Data("【禁忌】\n尚不明确。\n".utf8).write(to: corpus.appendingPathComponent("a.txt"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", "'\(try Self.executable().path)' golden update", "/dev/null"]
            process.currentDirectoryURL = dir
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            try process.run()
            input.fileHandleForWriting.write(Data("\(answer)\n".utf8))
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(printed.contains("Write 1 golden file(s)? [y/N]"))
            #expect(process.terminationStatus == (writes ? 0 : 1), "answer \(answer)")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("Golden/a.json").path) == writes)
        }
    }

    @Test("a domain expert's own catalogue is used without rebuilding; a broken one is refused")
    func customCatalogue() throws {
        let dir = try TestSupport.scratch()
        let doc = dir.appendingPathComponent("custom.txt")
        try Data("【特别禁忌】\n孕妇禁用。\n【适应症】\n测试。\n".utf8).write(to: doc)
        let builtIn = try run(["sections", doc.path])
        #expect(builtIn.stdout.contains("-  ") && !builtIn.stdout.contains("contraindications"))
        var catalogue = try JSONSerialization.jsonObject(with: Data(contentsOf: TestSupport.repository
            .appendingPathComponent("Sources/DrugLabel/Resources/sections.json"))) as! [String: Any]
        var sections = catalogue["sections"] as! [[String: Any]]
        let k = sections.firstIndex { $0["key"] as? String == "contraindications" }!
        sections[k]["headings"] = (sections[k]["headings"] as! [String]) + ["特别禁忌"]
        catalogue["sections"] = sections
        let file = dir.appendingPathComponent("sections.json")
        try JSONSerialization.data(withJSONObject: catalogue).write(to: file)
        let custom = try run(["sections", doc.path, "--sections", file.path])
        #expect(custom.status == 0 && custom.stdout.contains("contraindications"))
        try Data("{".utf8).write(to: file)
        let broken = try run(["sections", doc.path, "--sections", file.path])
        #expect(broken.status == 1 && broken.stderr.hasPrefix("druglabel: error: \(file.path): not a valid rule file"))
    }

    @Test("the same input gives byte-identical JSON")
    func deterministic() throws {
        let a = try run(["parse", "Corpus/\(TestSupport.labelName).txt"])
        let b = try run(["parse", "Corpus/\(TestSupport.labelName).txt"])
        #expect(a.status == 0)
        #expect(!a.stdout.isEmpty && a.stdout == b.stdout)
    }

    @Test("show finds a section by key, heading or alias")
    func show() throws {
        let file = "Corpus/\(TestSupport.labelName).txt"
        for name in ["contraindications", "禁忌", "禁忌症"] {
            let r = try run(["show", file, name])
            #expect(r.status == 0)
            #expect(r.stdout.contains("对活性成分或任何辅料有超敏者禁用。"), "show \(name)")
        }
        let missing = try run(["show", file, "不存在"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("druglabel: error: "))
    }

    @Test("sections lists key, heading, line range and characters")
    func sections() throws {
        let r = try run(["sections", "Corpus/\(TestSupport.labelName).txt"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 26)
        #expect(lines[8].hasPrefix("contraindications") && lines[8].contains("1022-1024") && lines[8].hasSuffix("17"))
    }

    @Test("golden verify fails loudly with a diff; update writes only with --yes")
    func golden() throws {
        let dir = try TestSupport.scratch()
        let corpus = dir.appendingPathComponent("Corpus"), golden = dir.appendingPathComponent("Golden")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data("【药品名称】\n通用名称：测试片\n【适应症】\n用于测试。\n【禁忌】\n尚不明确。\n".utf8)
            .write(to: corpus.appendingPathComponent("test.txt"))
        // No Golden/ yet: trouble (2), said plainly.
        let missing = try run(["golden", "verify"], cwd: dir)
        #expect(missing.status == 2 && missing.stderr.contains("Golden: no such folder") && missing.stderr.contains("--golden"))
        let refused = try run(["golden", "update"], cwd: dir)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("+  \"kind\" : \"label\","))
        #expect(!FileManager.default.fileExists(atPath: golden.appendingPathComponent("test.json").path))
        let written = try run(["golden", "update", "--yes"], cwd: dir)
        #expect(written.status == 0)
        #expect(try run(["golden", "verify"], cwd: dir).status == 0)
        try Data("【药品名称】\n通用名称：测试胶囊\n【适应症】\n用于测试。\n【禁忌】\n尚不明确。\n".utf8)
            .write(to: corpus.appendingPathComponent("test.txt"))
        let changed = try run(["golden", "verify"], cwd: dir)
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("-      \"text\" : \"通用名称：测试片\""))
        #expect(changed.stdout.contains("+      \"text\" : \"通用名称：测试胶囊\""))
        #expect(changed.stderr.contains("differs"))
    }

    @Test("tables: a grid, the JSON of parse, tidy CSV, one table by id, and an unknown id refused")
    func tables() throws {
        let label = "Corpus/\(TestSupport.labelName).txt"
        let grid = try run(["tables", label, "--table", "5"])
        #expect(grid.status == 0)
        #expect(grid.stdout.hasPrefix("表 5  ZUMA-1 II期临床试验疗效汇总"))
        #expect(grid.stdout.contains("72（62，81）") && !grid.stdout.contains("表 1"))

        let json = try run(["tables", label, "--format", "json"])
        let tables = try JSONDecoder().decode([Table].self, from: Data(json.stdout.utf8))
        #expect(tables == (try TestSupport.parse(TestSupport.labelName)).tables)

        let csv = try run(["tables", label, "--format", "csv", "--table", "表1"])
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "table,group,label,column,raw,value,ci_low,ci_high,unit,statistic,footnotes,flags,line")
        #expect(lines.count == 1 + 67 * 4)
        #expect(lines.contains("表 1,各类检查,天冬氨酸转氨酶升高,ZUMA-1（N=108） / 所有等级（%）,,,,,,,,missing,313"))
        #expect(lines.contains("表 1,全身性疾病及给药部位各种反应,疲劳,中国临床研究（N=24） / 所有等级（%）,-,,,,,,a,,271"))

        let missing = try run(["tables", label, "--table", "9"])
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(missing.stderr.contains("druglabel: error: \(label): no table 9 (tables here: 表 1, 表 2"))
        let pdf = try run(["tables", "Corpus/missing.txt"])
        #expect(pdf.status == 1 && pdf.stderr.contains("druglabel: error: Corpus/missing.txt: no such file"))
    }

    @Test("doses: a table with source lines, a drug filter, JSON per file, CSV, a bad file named")
    func doses() throws {
        let label = "Corpus/\(TestSupport.labelName).txt"
        let application = "Corpus/zevorcabtagene-autoleucel-nrdl-application-2025.txt"
        let text = try run(["doses", label, "--drug", "托珠单抗"])
        #expect(text.status == 0)
        let lines = text.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 3 && lines[1].hasPrefix("LINE") && lines[2].hasPrefix("1158  托珠单抗"))
        #expect(lines[2].contains("8 mg/kg") && lines[2].contains("不超过800 mg") && lines[2].contains("表 3 2 级"))

        let json = try run(["doses", label, application, "Corpus/missing.txt", "--format", "json"])
        #expect(json.status == 1 && json.stderr.contains("druglabel: error: Corpus/missing.txt: no such file"))
        let files = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(files?.map { $0["path"] as? String } == [label, application])
        #expect((files?[1]["doses"] as? [[String: Any]])?.contains { $0["drug"] as? String == "吲哚美辛栓" && $0["route"] as? String == "塞肛" } == true)

        let csv = try run(["doses", application, "--format", "csv", "--drug", "本品"])
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first?.hasPrefix("file,line,end_line,drug,value,low,high,unit") == true)
        #expect(rows.count >= 3 && rows.dropFirst().allSatisfy { $0.contains(",泽沃基奥仑赛注射液,") })
    }

    @Test("index then search and query: the commands a reviewer runs on the corpus")
    func indexAndSearch() throws {
        let db = try TestSupport.scratch().appendingPathComponent("index.sqlite").path
        let index = try run(["index", "Corpus", "--db", db])
        #expect(index.status == 0 && index.stdout.contains("files: 5 added") && index.stdout.contains("5 documents"))
        #expect(index.stderr.contains("indexed 5/5"))
        let again = try run(["index", "Corpus", "--db", db])
        #expect(again.stdout.contains("0 added, 0 replaced, 5 unchanged"))

        let tocilizumab = try run(["search", "托珠单抗", "--section", "warnings_and_cautions", "--db", db])
        #expect(tocilizumab.status == 0 && tocilizumab.stdout.contains("【注意事项】 warnings_and_cautions"))
        #expect(!tocilizumab.stdout.contains("dosage_and_administration") && tocilizumab.stdout.contains("«托珠单抗»"))
        #expect(tocilizumab.stdout.contains("[label, 12 occurrences]") && tocilizumab.stdout.contains("in 1 matching section in 1 document"))
        let traditional = try run(["search", "適應症", "--db", db, "--format", "json"])
        let hits = try JSONSerialization.jsonObject(with: Data(traditional.stdout.utf8)) as? [[String: Any]]
        #expect(hits?.contains { $0["section"] as? String == "indications_and_usage" } == true)
        let crs = try run(["search", "CRS", "--db", db, "--format", "ndjson", "--limit", "3"])
        #expect(crs.stdout.split(separator: "\n").count == 3)

        let doses = try run(["query", "doses", "--drug", "托珠单抗", "--db", db])
        #expect(doses.stdout.contains("8 mg/kg") && doses.stdout.contains("label-2024.txt:1158"))
        let fever = try run(["query", "adverse-reactions", "--term", "发热", "--min-all", "20", "--db", db, "--format", "csv"])
        let rows = fever.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Tidy: one line per row, arm and grade; 发热 in 表 1 is 100 % and 46 % (grade ≥ 3) in the
        // Chinese study, and 发热性中性粒细胞减少症 contains the term.
        #expect(rows.count == 13 && rows[1].hasSuffix(",发热,中国临床研究,24,all,100") && rows[2].hasSuffix(",3+,46"))
        #expect(rows.contains { $0.contains(",582,582,表 2,") && $0.hasSuffix(",all,93") })
        // Paging: the second row alone (表 1, line 321), all its arm × grade lines.
        let second = try run(["query", "adverse-reactions", "--term", "发热", "--min-all", "20", "--db", db, "--format", "csv",
                              "--limit", "1", "--offset", "1"])
        #expect(second.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty } == [rows[0]] + rows[5...8])
        let page = try run(["query", "adverse-reactions", "--term", "发热", "--min-all", "20", "--db", db, "--limit", "1"])
        #expect(page.stdout.contains("100/46") && !page.stdout.contains("93/9") && page.stdout.contains("rows 1–1 of 4"))
        let badPage = try run(["query", "doses", "--limit", "-1", "--db", db])
        #expect(badPage.status != 0 && badPage.stderr.contains("--limit"))

        let export = try run(["export", "--db", db])
        let objects = try export.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.count == 5)
        let label = try #require(objects.first { $0["kind"] as? String == "label" })
        #expect((label["contraindications"] as? [String])?.first == "对活性成分或任何辅料有超敏者禁用。")

        let nowhere = try TestSupport.scratch().appendingPathComponent("none.sqlite").path
        let missing = try run(["search", "发热", "--db", nowhere])
        #expect(missing.status == 1 && missing.stderr.contains("no index here") && !FileManager.default.fileExists(atPath: nowhere))

        let junk = try TestSupport.scratch().appendingPathComponent("junk.sqlite")
        try Data("not a database".utf8).write(to: junk)
        let refused = try run(["search", "发热", "--db", junk.path])
        #expect(refused.status == 1 && refused.stderr.contains("druglabel: error: \(junk.path) is not a druglabel index"))
    }

    @Test("serve: answers on the port it prints, logs a line per request, stops on SIGTERM; a missing index is an error")
    func serve() async throws {
        let db = try TestSupport.scratch().appendingPathComponent("index.sqlite").path
        #expect(try run(["index", "Corpus", "--db", db]).status == 0)
        let missing = try run(["serve", "--db", db + ".none", "--port", "0"])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("druglabel: error: ") && missing.stderr.contains("no index here"))

        let server = try ServeProcess(db: db, in: TestSupport.repository)
        let bound = try #require(server.port)
        let url = try #require(URL(string: "http://127.0.0.1:\(bound)/labels?limit=1"))
        let (body, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("\"total\":5"))
        #expect(server.stop() == 0)
        #expect(server.logText.contains("GET /labels?limit=1 200"))
    }

    @Test("validate: findings as compilers write them, JSON, exit status, --strict, profiles, a bad file named")
    func validate() throws {
        let label = "Corpus/axicabtagene-ciloleucel-label-2024.txt"
        let text = try run(["validate", label, "--as-of", "2026-11-22"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("\(label):1: warning: no 核准日期") && text.stdout.contains("[dates.approvalMissing]"))
        #expect(text.stdout.contains("\(label): profile chemical (inferred): 0 errors, 1 warning"))
        let strict = try run(["validate", label, "--strict", "--as-of", "2026-11-22"])
        #expect(strict.status == 1)
        let json = try run(["validate", label, "Corpus/missing.txt", "--format", "json", "--as-of", "2026-11-22"])
        // A file that cannot be read is trouble (2); the others are still checked.
        #expect(json.status == 2 && json.stderr.contains("druglabel: error: Corpus/missing.txt"))
        let reports = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(reports?.count == 1 && reports?[0]["profile"] as? String == "chemical" && reports?[0]["errors"] as? Int == 0)
        // A label held to the OTC rules lacks 【作用类别】: an error, exit 1.
        let otc = try run(["validate", label, "--rules", "otc", "--as-of", "2026-11-22"])
        #expect(otc.status == 1 && otc.stdout.contains("[section.missing]") && otc.stdout.contains("profile otc:"))
        let unknown = try run(["validate", label, "--rules", "veterinary"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no validation profile veterinary"))
        // An expert's copy of a profile, passed as a file, is used as it is.
        let dir = try TestSupport.scratch()
        var profile = try JSONSerialization.jsonObject(with: Data(contentsOf: TestSupport.repository
            .appendingPathComponent("Sources/DrugLabel/Resources/validation-chemical.json"))) as! [String: Any]
        profile["id"] = "strict-biologic"
        profile["mandatory"] = (profile["mandatory"] as! [[String: Any]]).map { m in
            var m = m
            if m["key"] as? String == "pharmacokinetics" { m.removeValue(forKey: "orAnyOf") }
            return m
        }
        let file = dir.appendingPathComponent("profile.json")
        try JSONSerialization.data(withJSONObject: profile).write(to: file)
        let custom = try run(["validate", label, "--rules", file.path, "--as-of", "2026-11-22"])
        #expect(custom.status == 1 && custom.stdout.contains("【药代动力学】 is missing") && custom.stdout.contains("profile strict-biologic:"))
    }

    @Test("crosscheck: differences with the lines on both sides, JSON, exit status, a label that is not one")
    func crosscheck() throws {
        let label = "Corpus/axicabtagene-ciloleucel-label-2024.txt"
        let text = try run(["crosscheck", "Corpus/axicabtagene-ciloleucel-nrdl-application-2023.txt", label])
        #expect(text.status == 1)
        #expect(text.stdout.contains("line 64 / label line 131: …有）或致电复星凯[-特-]{+瑞（上海）+}生物科技有限公司…"))
        #expect(text.stdout.contains("7 compared, 2 different"))
        let json = try run(["crosscheck", "Corpus/axicabtagene-ciloleucel-slides-2025.txt", label, "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let verdicts = (report?["comparisons"] as? [[String: Any]])?.compactMap { $0["verdict"] as? String }
        #expect(verdicts?.filter { $0 == "different" }.count == 1 && verdicts?.contains("equalAfterNormalization") == true)
        let notLabel = try run(["crosscheck", label, "Corpus/axicabtagene-ciloleucel-slides-2025.txt"])
        #expect(notLabel.status == 2 && notLabel.stderr.contains("not a label"))
        let missing = try run(["crosscheck", "Corpus/missing.txt", label])
        #expect(missing.status == 2 && missing.stderr.contains("druglabel: error: Corpus/missing.txt: no such file"))
    }

    @Test("diff: plain marks when not a terminal, JSON, exit status")
    func diff() throws {
        let label = "Corpus/axicabtagene-ciloleucel-label-2024.txt"
        let same = try run(["diff", label, label])
        #expect(same.status == 0 && same.stdout.hasSuffix("no changes\n"))
        let dir = try TestSupport.scratch()
        let edited = dir.appendingPathComponent("new.txt")
        let text = try String(contentsOfFile: TestSupport.corpusPath(TestSupport.labelName), encoding: .utf8)
        try text.replacingOccurrences(of: "静脉给予托珠单抗 c 8 mg/kg", with: "静脉给予托珠单抗 c 10 mg/kg").write(to: edited, atomically: true, encoding: .utf8)
        let changed = try run(["diff", label, edited.path])
        #expect(changed.status == 1 && changed.stdout.contains("changed (old 1158 → new 1158): …珠单抗 c [-8-]{+10+} mg/kg…"))
        #expect(!changed.stdout.contains("\u{1B}["))
        // At a terminal the changes are colored instead of marked.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(try Self.executable().path)' diff '\(label)' '\(edited.path)'", "/dev/null"]
        process.currentDirectoryURL = TestSupport.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let colored = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(colored.contains("c \u{1B}[31m8\u{1B}[0m\u{1B}[32m10\u{1B}[0m mg/kg") && !colored.contains("[-8-]"))
        let json = try run(["diff", label, edited.path, "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((report?["numbers"] as? [[String: Any]])?.first?["new"] as? String == "10 mg/kg")
    }

    // MARK: Conventions: exit statuses, --version, typos

    @Test("diff, crosscheck, validate, golden verify: 0 clean, 1 findings, 2 trouble; usage errors 64")
    func exitStatuses() throws {
        let label = "Corpus/\(TestSupport.labelName).txt"
        #expect(try run(["diff", label, label]).status == 0)
        let unreadable = try run(["diff", label, "Corpus/missing.txt"])
        #expect(unreadable.status == 2 && unreadable.stderr.contains("druglabel: error: Corpus/missing.txt: no such file"))
        let dir = try TestSupport.scratch()
        let pdf = dir.appendingPathComponent("scan.txt")
        try Data("%PDF-1.4\n".utf8).write(to: pdf)
        #expect(try run(["diff", pdf.path, label]).status == 2)
        #expect(try run(["crosscheck", "Corpus/axicabtagene-ciloleucel-nrdl-application-2023.txt", pdf.path]).status == 2)
        let validate = try run(["validate", label, pdf.path, "--as-of", "2026-11-22"])
        #expect(validate.status == 2 && validate.stdout.contains("\(label): profile chemical"))
        // A rule file that cannot be read is trouble too, for these commands.
        #expect(try run(["diff", label, label, "--sections", dir.appendingPathComponent("none.json").path]).status == 2)
        let usage = try run(["diff", label])
        #expect(usage.status == 64)
        let badOption = try run(["validate", label, "--as-of", "yesterday"])
        #expect(badOption.status == 64)
    }

    @Test("golden verify outside the repository says where to run it, not a Cocoa error; 2")
    func goldenOutsideRepository() throws {
        let dir = try TestSupport.scratch()
        let r = try run(["golden", "verify"], cwd: dir)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("druglabel: error: ") && r.stderr.contains("Corpus: no such folder"))
        #expect(r.stderr.contains("repository") && !r.stderr.contains("NSCocoaErrorDomain"))
        let update = try run(["golden", "update"], cwd: dir)
        #expect(update.status == 1 && update.stderr.contains("Corpus: no such folder") && !update.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test("golden verify: a document that cannot be read is trouble (2), a difference is a finding (1)")
    func goldenTrouble() throws {
        let dir = try TestSupport.scratch()
        let corpus = dir.appendingPathComponent("Corpus"), golden = dir.appendingPathComponent("Golden")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
        try Data("%PDF-1.4\n".utf8).write(to: corpus.appendingPathComponent("scan.txt"))
        let r = try run(["golden", "verify"], cwd: dir)
        #expect(r.status == 2 && r.stderr.contains("scan.txt: is a PDF"))
    }

    @Test("--version prints the library's version")
    func version() throws {
        let r = try run(["--version"])
        #expect(r.status == 0 && r.stdout == DrugLabelVersion.current + "\n")
    }

    @Test("a mistyped subcommand names the one meant, exit 64")
    func typo() throws {
        let r = try run(["sectoins", "x"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("druglabel: error: unknown command 'sectoins'; did you mean 'sections'?"))
        let nested = try run(["golden", "verfy"])
        #expect(nested.status == 64 && nested.stderr.contains("did you mean 'verify'?") && nested.stderr.contains("druglabel golden --help"))
        // Nothing near: the parser's own message, still 64.
        let far = try run(["zzzzzzzz"])
        #expect(far.status == 64 && !far.stderr.contains("did you mean"))
        // A real subcommand and a file named like one are left alone.
        #expect(try run(["sections", "Corpus/\(TestSupport.labelName).txt"]).status == 0)
    }

    @Test("parse: a FIFO among good files is refused at once, the array stays valid and later files are written")
    func fifoAmongGood() throws {
        let dir = try TestSupport.scratch()
        let fifo = dir.appendingPathComponent("x.txt")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let label = "Corpus/\(TestSupport.labelName).txt"
        let start = Date()
        let r = try run(["parse", label, fifo.path, label])
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(r.status == 1 && r.stderr.contains("druglabel: error: \(fifo.path): is a FIFO (named pipe), not a regular file"))
        let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 2)
        let sections = try run(["sections", fifo.path])
        #expect(sections.status == 1 && sections.stderr.hasPrefix("druglabel: error: \(fifo.path): is a FIFO"))
    }

    @Test("parse: files of a megabyte and more are read ahead, and still come out in order, each as parsed alone, with a bad one named")
    func largeFilesReadAhead() throws {
        let dir = try TestSupport.scratch()
        let label = try TestSupport.bytes(TestSupport.labelName)
        var large = label
        while large.count < 1 << 20 { large += label }
        let first = dir.appendingPathComponent("first.txt"), second = dir.appendingPathComponent("second.txt")
        try Data(large).write(to: first)
        // Another large file whose bytes differ, so the two objects cannot be swapped unseen.
        try Data(large + Array("\n".utf8)).write(to: second)
        let pdf = dir.appendingPathComponent("big.pdf")
        try Data(Array("%PDF-1.4\n".utf8) + large).write(to: pdf)
        let r = try run(["parse", first.path, dir.appendingPathComponent("missing.txt").path, pdf.path, second.path,
                         "Corpus/\(TestSupport.labelName).txt"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("druglabel: error: \(dir.appendingPathComponent("missing.txt").path): no such file"))
        #expect(r.stderr.contains("druglabel: error: \(pdf.path): is a PDF"))
        let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        let paths = parsed?.compactMap { ($0["source"] as? [String: Any])?["path"] as? String }
        #expect(paths == [first.path, second.path, "Corpus/\(TestSupport.labelName).txt"])
        let alone = try run(["parse", second.path])
        let aloneObject = try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? [String: Any]
        #expect(alone.status == 0)
        #expect((aloneObject?["source"] as? [String: Any])?["sha256"] as? String
                == (parsed?[1]["source"] as? [String: Any])?["sha256"] as? String)
        #expect((parsed?[0]["source"] as? [String: Any])?["bytes"] as? Int == large.count)
        #expect((parsed?[1]["source"] as? [String: Any])?["bytes"] as? Int == large.count + 1)
    }

    @Test("bench: a missing corpus folder and a PDF in it are named as errors, not Foundation's; the rest is measured; exit 1")
    func benchBadCorpus() throws {
        let outside = try TestSupport.scratch()
        let missing = try run(["bench", "--megabytes", "0.05"], cwd: outside)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("druglabel: error: Corpus: no such folder"))
        let folder = outside.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(TestSupport.bytes(TestSupport.labelName)).write(to: folder.appendingPathComponent("label.txt"))
        try Data("%PDF-1.4\n".utf8).write(to: folder.appendingPathComponent("scan.pdf"))
        let r = try run(["bench", "--corpus", folder.path, "--megabytes", "0.05", "--crosscheck-kilobytes", "1"], cwd: outside)
        #expect(r.status == 1)
        #expect(r.stderr.contains("druglabel: error: \(folder.path)/scan.pdf: is a PDF"))
        #expect(r.stdout.hasPrefix("corpus: 1 documents"))
        #expect(r.stdout.contains("whole parse"))
    }

    @Test("tables --format text marks uncertain prose cells with ? and a legend")
    func uncertainCells() throws {
        let r = try run(["tables", "Corpus/\(TestSupport.labelName).txt", "--table", "3"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("] ?\n"))
        #expect(r.stdout.contains(TableGrid.legend))
        let certain = try run(["tables", "Corpus/\(TestSupport.labelName).txt", "--table", "6"])
        #expect(certain.status == 0 && !certain.stdout.contains(TableGrid.legend))
    }
}
