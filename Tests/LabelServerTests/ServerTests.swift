import DrugLabel
import Foundation
import LabelServer
import TestSupport
import Testing

/// `druglabel serve`: the JSON API and the pages, through real HTTP on a loopback port, checked
/// against the hand-read expectations and against the checked-in OpenAPI document.
@Suite("HTTP API and search page")
struct ServerTests {
    static let label = TestSupport.labelName
    static let application = "axicabtagene-ciloleucel-nrdl-application-2023"

    func server() async throws -> ServerHarness { try await ServerHarness.shared.value }

    func spec() throws -> JSONValue {
        let url = TestSupport.repository.appendingPathComponent("Sources/LabelServer/Resources/openapi.json")
        return try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
    }

    /// The schema the spec gives for `template`'s answer with `status`.
    func responseSchema(_ spec: JSONValue, _ template: String, _ status: Int) -> JSONValue? {
        spec["paths"]?[template]?["get"]?["responses"]?[String(status)]?["content"]?["application/json"]?["schema"]
    }

    @Test("every JSON answer, success or error, has the shape /openapi.json gives it, and every path of the spec is served")
    func answersMatchTheSpec() async throws {
        let server = try await server()
        let spec = try spec()
        let checker = SchemaChecker(spec: spec)
        let L = Self.label, A = Self.application
        let requests: [(String, String)] = [
            ("/labels", "/labels?limit=3"),
            ("/labels", "/labels?search=\(ServerHarness.encode("发热"))&limit=50"),
            ("/labels", "/labels?search=CRS&section=\(ServerHarness.encode("注意事项"))&kind=label"),
            ("/labels", "/labels?limit=0"),
            ("/labels", "/labels?kind=leaflet"),
            ("/labels/{id}", "/labels/\(L)"),
            ("/labels/{id}", "/labels/\(A)"),
            ("/labels/{id}", "/labels/no-such-label"),
            ("/labels/{id}/sections/{key}", "/labels/\(L)/sections/\(ServerHarness.encode("禁忌症"))"),
            ("/labels/{id}/sections/{key}", "/labels/\(L)/sections/nothing"),
            ("/labels/{id}/tables/{table}", "/labels/\(L)/tables/1"),
            ("/labels/{id}/tables/{table}", "/labels/\(L)/tables/\(ServerHarness.encode("表 5"))"),
            ("/labels/{id}/tables/{table}", "/labels/\(L)/tables/99"),
            ("/labels/{id}/diff/{other}", "/labels/\(L)/diff/\(A)"),
            ("/labels/{id}/validate", "/labels/\(L)/validate?as_of=2026-11-22"),
            ("/labels/{id}/validate", "/labels/\(L)/validate?as_of=yesterday"),
            ("/doses", "/doses?limit=1000"),
            ("/doses", "/doses?limit=1001"),
            ("/adverse-reactions", "/adverse-reactions?term=\(ServerHarness.encode("发热"))&min_all=50"),
            ("/adverse-reactions", "/adverse-reactions"),
        ]
        var served: Set<String> = []
        for (template, path) in requests {
            let answer = try await server.get(path)
            let schema = try #require(responseSchema(spec, template, answer.status), "no schema for \(template) \(answer.status)")
            #expect(answer.contentType.hasPrefix("application/json"), "\(path)")
            let errors = checker.check(try answer.value(), against: schema)
            #expect(errors.isEmpty, "\(path): \(errors.prefix(5))")
            if answer.status == 200 { served.insert(template) }
        }
        // The page and spec routes answer too; the JSON routes were all exercised above.
        for template in ["/openapi.json", "/", "/label/{id}"] {
            let answer = try await server.get(template.replacingOccurrences(of: "{id}", with: L))
            #expect(answer.status == 200, "\(template)")
            served.insert(template)
        }
        guard case .object(let paths)? = spec["paths"] else { Issue.record("spec has no paths"); return }
        #expect(Set(paths.keys) == served)
        // The served spec is the checked-in one.
        #expect(try await server.get("/openapi.json").value() == spec)
    }

    @Test("searching 托珠单抗 in 注意事项 finds the label's paragraph of line 1075, the match marked apart from the document's own brackets")
    func searchInSection() async throws {
        let answer = try await server().get("/labels?search=\(ServerHarness.encode("托珠单抗"))&section=\(ServerHarness.encode("注意事项"))")
        let body = try answer.value()
        #expect(body["meta"]?["total"] == .number(1))
        let hit = try #require(body["results"]?[0])
        #expect(hit["id"]?.string == Self.label)
        #expect(hit["section"]?.string == "warnings_and_cautions")
        #expect(hit["paragraphLine"] == .number(1075))
        // The line of the match itself, within its paragraph.
        let line = try #require(hit["line"]?.number)
        #expect(line >= 1075 && line < 1090)
        #expect(hit["occurrences"]?.number.map { $0 >= 1 } == true)
        #expect(hit["highlight"]?["match"]?.string == "托珠单抗")
        // The snippet marks the match with « », never with the 【】 of the label's headings.
        #expect(hit["snippet"]?.string?.contains("«托珠单抗»") == true)
        // The paragraph quotes 【不良反应】 before the match: a page must not take that for the mark.
        #expect(hit["highlight"]?["before"]?.string?.contains("【不良反应】") == true)
        #expect(hit["url"]?.string == "/labels/\(Self.label)/sections/warnings_and_cautions")
        let section = try await server().get(try #require(hit["url"]?.string))
        #expect(try section.value()["results"]?[0]?["text"]?.string?.contains("托珠单抗") == true)
    }

    @Test("paging by next links visits every hit once, and the same request gives the same bytes")
    func paging() async throws {
        let server = try await server()
        let first = try await server.get("/labels?search=CRS&limit=2")
        let total = Int(try #require(try first.value()["meta"]?["total"]?.number))
        #expect(total > 4)
        var seen: [String] = []
        var next: String? = "/labels?search=CRS&limit=2"
        var pages = 0
        while let path = next, pages < 100 {
            let page = try await server.get(path).value()
            for hit in page["results"]?.array ?? [] { seen.append("\(hit["id"]?.string ?? "")#\(hit["heading"]?.string ?? "")@\(hit["line"]?.number ?? 0)") }
            next = page["meta"]?["next"]?.string
            pages += 1
        }
        #expect(seen.count == total)
        #expect(Set(seen).count == total)
        #expect(try await server.get("/labels?search=CRS&limit=2").body == first.body)
        // skip has no cap: past the end is an empty page, not an error.
        let past = try await server.get("/labels?search=CRS&skip=100000").value()
        #expect(past["results"]?.array?.isEmpty == true && past["meta"]?["total"] == .number(Double(total)))
    }

    @Test("a label's sections, tables and boxed warning are those read by hand; source paths never leave the server")
    func labelDocument() async throws {
        let server = try await server()
        let expected = try TestSupport.expectation(Self.label)
        let answer = try await server.get("/labels/\(Self.label)")
        let document = try #require(try answer.value()["results"]?[0])
        let sections = (document["sections"]?.array ?? []).map { [$0["key"]?.string ?? "", $0["heading"]?.string ?? "", String(Int($0["span"]?["startLine"]?.number ?? 0))] }
        let wanted = (expected["sections"] as? [[Any]] ?? []).map { $0.map { "\($0)" } }
        #expect(sections == wanted)
        #expect(document["boxedWarning"]?["title"]?.string == (expected["boxedWarning"] as? [String: Any])?["title"] as? String)
        #expect(document["source"]?["path"]?.string == "\(Self.label).txt")
        #expect(!answer.text.contains(server.directory.path) && !answer.text.contains(TestSupport.repository.path))
        // The same document `parse` gives, but for the path.
        var parsed = try TestSupport.parse(Self.label)
        parsed.source.path = "\(Self.label).txt"
        #expect(try JSONDecoder().decode(JSONValue.self, from: LabelJSON.encode(parsed)) == document)

        let table = try await server.get("/labels/\(Self.label)/tables/1").value()["results"]?[0]
        let spec = (expected["tables"] as? [[String: Any]])?.first
        #expect(table?["rows"]?.array?.count == spec?["rows"] as? Int)
        #expect(table?["groups"]?.array?.count == spec?["groups"] as? Int)
        let csv = try await server.get("/labels/\(Self.label)/tables/1?format=csv")
        #expect(csv.contentType.hasPrefix("text/csv"))
        #expect(csv.text.hasPrefix(TableCSV.header.joined(separator: ",") + "\r\n"))
        #expect(csv.text.contains("表 1,全身性疾病及给药部位各种反应,发热,中国临床研究（N=24） / 所有等级（%）,100,100,"))

        let contraindications = try await server.get("/labels/\(Self.label)/sections/\(ServerHarness.encode("禁忌症"))").value()["results"]?[0]
        #expect(contraindications?["key"]?.string == "contraindications")
        #expect(contraindications?["text"]?.string == (expected["sectionText"] as? [String: String])?["contraindications"])
    }

    @Test("doses, adverse reactions, diff and validation answer as the CLI does")
    func structuredAndChecks() async throws {
        let server = try await server()
        let doses = try await server.get("/doses?drug=\(ServerHarness.encode("托珠单抗"))").value()
        let dose = try #require(doses["results"]?[0])
        #expect(dose["label"]?.string == Self.label)
        #expect(dose["dose"]?["amount"]?["value"] == .number(8) && dose["dose"]?["unit"]?.string == "mg" && dose["dose"]?["per"]?.string == "kg")
        #expect(dose["dose"]?["span"]?["startLine"] == .number(1158))

        // As the CLI: the term is found inside longer ones, in document order.
        let fever = try await server.get("/adverse-reactions?term=\(ServerHarness.encode("发热"))&min_grade3=20").value()
        #expect(fever["meta"]?["total"] == .number(3))
        let row = try #require(fever["results"]?[0])
        #expect(row["table"]?.string == "表 1" && row["row"]?["span"]?["startLine"] == .number(269))
        #expect(row["row"]?["arms"]?[0]?["grade3OrWorse"] == .number(46))
        #expect(fever["results"]?.array?.compactMap { $0["row"]?["term"]?.string } == ["发热", "发热性中性粒细胞减少症", "发热性中性粒细胞减少症"])
        // Thresholds alone: every row with a grade ≥3 rate of 20 % or more in some arm.
        let severe = try await server.get("/adverse-reactions?min_grade3=20&limit=1000").value()
        let severeRows = severe["results"]?.array ?? []
        #expect(severeRows.count > 3 && severe["meta"]?["total"] == .number(Double(severeRows.count)))
        #expect(severeRows.allSatisfy { row in
            row["row"]?["arms"]?.array?.contains { if case .number(let p) = $0["grade3OrWorse"] { return p >= 20 } else { return false } } == true
        })
        let none = try await server.get("/adverse-reactions?term=\(ServerHarness.encode("发热"))&min_grade3=50").value()
        #expect(none["meta"]?["total"] == .number(0))

        let same = try await server.get("/labels/\(Self.label)/diff/\(Self.label)").value()["results"]?[0]
        #expect(same?["sections"]?.array?.isEmpty == true && same?["numbers"]?.array?.isEmpty == true)

        let report = try await server.get("/labels/\(Self.label)/validate?as_of=2026-11-22").value()["results"]?[0]
        #expect(report?["errors"] == .number(0) && report?["warnings"] == .number(1))
        #expect(report?["findings"]?.array?.compactMap { $0["rule"]?.string } == ["dates.approvalMissing", "section.standIn"])
    }

    @Test("bad requests get JSON errors with the status that says why, and no server path")
    func errors() async throws {
        let server = try await server()
        let cases: [(String, Int, String)] = [
            ("/labels?limit=1001", 400, "bad_limit"),
            ("/labels?skip=-1", 400, "bad_skip"),
            ("/labels?serch=x", 400, "unknown_parameter"),
            ("/labels?search=a&search=b", 400, "repeated_parameter"),
            ("/labels?search=%FF", 400, "bad_encoding"),
            ("/labels?search=x&section=nowhere", 404, "unknown_section"),
            ("/labels?section=nowhere", 404, "unknown_section"),
            ("/labels/\(Self.label)/tables/1?format=xml", 400, "bad_format"),
            ("/adverse-reactions?term=x&min_all=lots", 400, "bad_min_all"),
            ("/labels/none", 404, "no_label"),
            ("/labels/\(Self.label)/tables/9", 404, "no_table"),
            ("/labels/\(Self.label)/sections/nowhere", 404, "no_section"),
            ("/no/such/route", 404, "not_found"),
            ("/labels?search=" + String(repeating: "a", count: 201), 400, "too_long"),
            ("/labels?drug=" + String(repeating: "a", count: 101), 400, "too_long"),
        ]
        for (path, status, code) in cases {
            let answer = try await server.get(path)
            #expect(answer.status == status, "\(path)")
            #expect(answer.contentType.hasPrefix("application/json"), "\(path)")
            let error = try answer.value()["error"]
            #expect(error?["code"]?.string == code, "\(path): \(answer.text)")
            #expect(error?["message"]?.string?.isEmpty == false)
            #expect(!answer.text.contains(server.directory.path) && !answer.text.contains("/Corpus/"), "\(path)")
        }
    }

    @Test("the search page marks hits, and the label page shows the outline, the boxed warning apart and table 1 as a table")
    func pages() async throws {
        let server = try await server()
        let search = try await server.get("/?q=\(ServerHarness.encode("托珠单抗"))&section=warnings_and_cautions")
        #expect(search.contentType.hasPrefix("text/html"))
        #expect(search.text.contains("<mark>托珠单抗</mark>"))
        #expect(search.text.contains("<option value=\"warnings_and_cautions\" selected>"))
        // The hit links to its paragraph's anchor with the match to mark; the page has both.
        let link = try #require(search.text.firstMatch(of: /href="(\/label\/[^"#?]+\?mark=[^"#]+#L(\d+))"/))
        #expect(link.2 == "1075")
        #expect(search.text.contains("1 个章节命中 (section matched)"))
        let marked = try await server.get(String(link.1).replacingOccurrences(of: "#L1075", with: ""))
        let paragraph = try #require(marked.text.firstMatch(of: /<p id="L1075">(.*?)<\/p>/))
        #expect(paragraph.1.contains("<mark>托珠单抗</mark>"))
        #expect(marked.text.contains("class=\"mark-summary\""))
        // A hit in the boxed warning's title links to the title's line, marked there.
        let boxed = try await server.get("/?q=\(ServerHarness.encode("继发性血液系统恶性肿瘤"))")
        let boxedLink = try #require(boxed.text.firstMatch(of: /href="(\/label\/[^"#?]+\?mark=[^"#]+)#L(\d+)"/))
        let boxedPage = try await server.get(String(boxedLink.1))
        let title = try #require(boxedPage.text.firstMatch(of: /<h2 id="L(\d+)">(.*?)<\/h2>/))
        #expect(title.1 == boxedLink.2 && title.2.contains("<mark>继发性血液系统恶性肿瘤</mark>"))

        let page = try await server.get("/label/\(Self.label)")
        #expect(page.text.contains("<aside class=\"boxed-warning\" id=\"boxed-warning\">"))
        #expect(page.text.contains("<a href=\"#s-contraindications\">【禁忌】</a>"))
        #expect(page.text.contains("<section id=\"s-warnings_and_cautions\">"))
        // Table 1: both arms over their two columns, then the first row's four values.
        #expect(page.text.contains("<th colspan=\"2\" rowspan=\"1\">ZUMA-1（N=108）</th>"))
        #expect(page.text.contains("<tr title=\"line 269\"><th scope=\"row\">发热</th><td>100</td><td>46</td><td>86</td><td>16</td></tr>"))
        #expect(page.text.contains("托珠单抗 c 8 mg/kg"))

        let missing = try await server.get("/label/none")
        #expect(missing.status == 404 && missing.contentType.hasPrefix("text/html"))

        // An application has few 【】 sections: its form fields are listed with their lines.
        let application = try await server.get("/label/\(Self.application)")
        #expect(application.text.contains("<th scope=\"row\">药品名称</th><td><span class=\"line\" id=\"L1\">阿基仑赛注射液</span></td><td class=\"lines\">line 1</td></tr>"))
        // No script may run on a page, whatever a document holds.
        #expect(page.contentSecurityPolicy?.contains("default-src 'none'") == true)
        #expect(missing.contentSecurityPolicy?.contains("default-src 'none'") == true)
    }

    @Test("text from documents reaches the pages escaped")
    func escaping() async throws {
        let dir = try TestSupport.scratch()
        let file = dir.appendingPathComponent("hostile-label.txt")
        try Data("""
            恶意说明书
            【药品名称】
            通用名称：<script>alert(1)</script>注射液
            【禁忌】
            对"引号"与 <img src=x onerror=alert(2)>标签</img> & 符号过敏者禁用。
            """.utf8).write(to: file)
        let server = try await ServerHarness.start(files: [file.path])
        let search = try await server.get("/?q=\(ServerHarness.encode("过敏者"))")
        let page = try await server.get("/label/hostile-label")
        await server.stop()
        for answer in [search, page] {
            #expect(!answer.text.contains("<script>alert") && !answer.text.contains("<img src"))
        }
        // `<img>` is not a tag of the text stage's list, so it is text, and must reach the page escaped.
        #expect(page.text.contains("&lt;img src=x onerror=alert(2)&gt;标签&lt;/img&gt; &amp; 符号") && page.text.contains("&quot;引号&quot;"))
        #expect(search.text.contains("onerror=alert(2)&gt;标签&lt;/img&gt; &amp; 符号"))
    }

    @Test("the server stops when its task is cancelled, as on SIGTERM, and a missing index is refused read-only")
    func lifecycle() async throws {
        let server = try await ServerHarness.start(files: [TestSupport.corpusPath(Self.label)])
        #expect(try await server.get("/labels").status == 200)
        await server.stop()
        await #expect(throws: (any Error).self) { _ = try await server.get("/labels") }
        let nowhere = try TestSupport.scratch().appendingPathComponent("none.sqlite").path
        #expect(throws: (any Error).self) { _ = try LabelServer(databasePath: nowhere, port: 0).makeApplication() }
        #expect(!FileManager.default.fileExists(atPath: nowhere))
    }
}
