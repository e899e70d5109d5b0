import DrugLabel
import Foundation
import LabelServer
import TestSupport
import Testing

/// `druglabel serve` against clients that misbehave: methods it does not serve, heads that never
/// end or are too long, idle connections, and the headers every answer carries.
@Suite("HTTP server hardening")
struct ServerHardeningTests {
    static let label = TestSupport.labelName

    func server() async throws -> ServerHarness { try await ServerHarness.shared.value }

    @Test("every method but GET and HEAD is a 405 with Allow, on a route and off one, and every answer says nosniff")
    func methods() async throws {
        let server = try await server()
        for method in ["TRACE", "POST", "DELETE", "PUT", "PATCH", "OPTIONS"] {
            for path in ["/labels", "/labels/\(Self.label)", "/openapi.json", "/nowhere"] {
                let connection = try ServerConnection(port: server.port)
                connection.send("\(method) \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                let (answer, closed) = await connection.read(for: 10)
                connection.close()
                #expect(closed, "\(method) \(path): the connection was not closed after Connection: close")
                #expect(answer.hasPrefix("HTTP/1.1 405"), "\(method) \(path): \(answer.prefix(80))")
                #expect(answer.lowercased().contains("allow: get, head"), "\(method) \(path)")
                #expect(answer.contains("\"method_not_allowed\""), "\(method) \(path)")
            }
        }
        for path in ["/labels", "/labels/none", "/", "/label/none", "/openapi.json", "/labels?limit=0"] {
            let answer = try await server.get(path)
            #expect(answer.contentTypeOptions == "nosniff", "\(path) \(answer.status)")
        }
    }

    @Test("a head that does not arrive whole within the header timeout closes the connection; so does an idle one")
    func timeouts() async throws {
        let server = try await ServerHarness.start(files: [TestSupport.corpusPath(Self.label)],
                                                   headerTimeout: .milliseconds(400), idleTimeout: .seconds(6))
        defer { Task { await server.stop() } }
        // A head trickled and never finished: closed at the header timeout, long before the idle one.
        let slow = try ServerConnection(port: server.port)
        let start = Date()
        slow.send("GET /labels HTTP/1.1\r\nHost: x\r\n")
        let cut = await slow.read(for: 5)
        slow.close()
        #expect(cut.closed && cut.text.isEmpty)
        // Well before the idle timeout, with room for a machine busy building (2.7 s was seen
        // against a bound of 2.5 with a 3 s idle timeout).
        #expect(Date().timeIntervalSince(start) < 4.5)
        // A whole request is answered, then the connection left idle is closed at the idle timeout.
        let idle = try ServerConnection(port: server.port)
        idle.send("GET /labels?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n")
        let kept = await idle.read(for: 10)
        idle.close()
        #expect(kept.text.hasPrefix("HTTP/1.1 200"), "\(kept)")
        #expect(kept.closed)
        // A connection that never sends a byte is idle too.
        let silent = try ServerConnection(port: server.port)
        let quiet = await silent.read(for: 10)
        silent.close()
        #expect(quiet.closed && quiet.text.isEmpty)
    }

    @Test("an over-long request line is a JSON 414, over-long headers a JSON 431, and the log keeps 200 characters of a target")
    func longHeads() async throws {
        let server = try await ServerHarness.start(files: [TestSupport.corpusPath(Self.label)], log: true)
        defer { Task { await server.stop() } }
        let target = "/labels?search=" + String(repeating: "a", count: 52_000)
        let line = try ServerConnection(port: server.port)
        line.send("GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n")
        let refused = await line.read(for: 5)
        line.close()
        #expect(refused.text.hasPrefix("HTTP/1.1 414") && refused.closed)
        #expect(refused.text.contains("\"request_line_too_long\"") && refused.text.contains("X-Content-Type-Options: nosniff"))

        let headers = try ServerConnection(port: server.port)
        headers.send("GET /labels HTTP/1.1\r\nHost: x\r\n" + (0..<40).map { "X-Filler-\($0): \(String(repeating: "b", count: 1000))\r\n" }.joined() + "\r\n")
        let tooMany = await headers.read(for: 5)
        headers.close()
        #expect(tooMany.text.hasPrefix("HTTP/1.1 431") && tooMany.text.contains("\"headers_too_large\""))

        // Within the line limit but longer than a search may be: a 400, logged cut short.
        let query = try await server.get("/labels?search=" + String(repeating: "c", count: 5000))
        #expect(query.status == 400)
        #expect(try query.value()["error"]?["code"]?.string == "too_long")
        try await Task.sleep(for: .milliseconds(100))
        let logged = server.log.all
        #expect(logged.contains { $0.contains("ccc…(") && $0.contains(" 400 ") && $0.count < 300 }, "\(logged.map { $0.prefix(120) })")
        #expect(logged.contains { $0.contains("aaa…") && $0.contains("414") && $0.count < 300 })
        #expect(logged.allSatisfy { $0.count < 400 })
    }

    @Test("parameters off their schema are 400s, and values the schema allows are answered")
    func strictParameters() async throws {
        let server = try await server()
        let L = Self.label
        let refused: [(String, String)] = [
            ("/labels/\(L)/tables/1?format=", "bad_format"),
            ("/labels/\(L)/tables/1?format=null", "bad_format"),
            ("/labels?limit=", "bad_limit"),
            ("/labels?skip=", "bad_skip"),
            ("/labels?skip=2147483648", "bad_skip"),
            ("/labels?kind=", "bad_kind"),
            ("/adverse-reactions?term=", "empty_term"),
            ("/adverse-reactions?term=x&min_all=-1", "bad_min_all"),
            ("/adverse-reactions?term=x&min_grade3=100.5", "bad_min_grade3"),
            ("/adverse-reactions?term=x&min_all=", "bad_min_all"),
            ("/labels/\(L)/validate?as_of=2026-02-30", "bad_as_of"),
            ("/labels/\(L)/validate?as_of=", "bad_as_of"),
            ("/openapi.json?x=1", "unknown_parameter"),
        ]
        for (path, code) in refused {
            let answer = try await server.get(path)
            #expect(answer.status == 400, "\(path)")
            #expect(try answer.value()["error"]?["code"]?.string == code, "\(path): \(answer.text)")
        }
        // Any string is a search: one with nothing searchable in it finds nothing.
        let punctuation = try await server.get("/labels?search=\(ServerHarness.encode("。！"))").value()
        #expect(punctuation["meta"]?["total"] == .number(0) && punctuation["results"]?.array?.isEmpty == true)
        // A section without a search lists the labels that have it; an unknown section is a 404.
        let withSection = try await server.get("/labels?section=contraindications").value()
        let ids = (withSection["results"]?.array ?? []).compactMap { $0["id"]?.string }
        #expect(ids.contains(L) && !ids.contains("car-t-risks-and-regulation-review-article"))
        let unknown = try await server.get("/labels?search=x&section=nowhere")
        let unknownCode = try unknown.value()["error"]?["code"]?.string
        #expect(unknown.status == 404 && unknownCode == "unknown_section")
        #expect(try await server.get("/labels/\(L)/validate?as_of=2024-02-29").status == 200)
        #expect(try await server.get("/adverse-reactions?term=\(ServerHarness.encode("发热"))&min_all=0&min_grade3=100").status == 200)
    }

    @Test("a table is named by its number or its id: -1 and x1 name none")
    func tableNames() async throws {
        let server = try await server()
        for name in ["-1", "x1", "1.0", "0", "表-1"] {
            let answer = try await server.get("/labels/\(Self.label)/tables/\(ServerHarness.encode(name))")
            #expect(answer.status == 404, "\(name)")
            #expect(try answer.value()["error"]?["code"]?.string == "no_table", "\(name)")
        }
        for name in ["1", "表1", "表 1"] {
            let answer = try await server.get("/labels/\(Self.label)/tables/\(ServerHarness.encode(name))")
            #expect(answer.status == 200, "\(name)")
            #expect(try answer.value()["results"]?[0]?["id"]?.string == "表 1", "\(name)")
        }
    }

    @Test("a damaged or missing index is reported in the store's words, not as an address that cannot be served")
    func startupErrors() async throws {
        let dir = try TestSupport.scratch()
        let damaged = dir.appendingPathComponent("damaged.sqlite").path
        // A real index whose pages after the first were overwritten: the header still reads.
        let good = try await ServerHarness.start(files: [TestSupport.corpusPath(Self.label)])
        await good.stop()
        var bytes = try Data(contentsOf: good.directory.appendingPathComponent("index.sqlite"))
        #expect(bytes.count > 8192)
        bytes.replaceSubrange(4096..<bytes.count, with: Data(repeating: 0x5A, count: bytes.count - 4096))
        try bytes.write(to: URL(fileURLWithPath: damaged))
        for (path, expected) in [(damaged, damaged), (dir.appendingPathComponent("none.sqlite").path, "no index here")] {
            do {
                try await LabelServer(databasePath: path, port: 0).run()
                Issue.record("\(path) was served")
            } catch let error as LabelServerError {
                #expect(error.description.contains(expected), "\(error)")
                #expect(error.description.contains(path))
                #expect(!error.description.contains("cannot serve") && !error.description.contains("SELECT"), "\(error)")
                guard case .index = error else { Issue.record("not an index error: \(error)"); continue }
            }
        }
    }
}
