import DrugLabel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// The server answers from the index alone: what happens to the source files after indexing,
/// and the folder it was started in, change nothing it says.
@Suite("HTTP server from the index alone")
struct ServerIndexOnlyTests {
    static let label = TestSupport.labelName

    @Test("a label whose source was changed, deleted or replaced by a FIFO answers with the same bytes")
    func sourceGone() async throws {
        let server = try await ServerHarness.start(files: [TestSupport.corpusPath(Self.label)], copy: true)
        defer { Task { await server.stop() } }
        let source = server.directory.appendingPathComponent("\(Self.label).txt")
        let paths = ["/labels/\(Self.label)", "/labels/\(Self.label)/sections/contraindications", "/labels/\(Self.label)/tables/1?format=csv",
                     "/labels/\(Self.label)/validate?as_of=2026-11-22", "/label/\(Self.label)"]
        var before: [Data] = []
        for path in paths {
            let answer = try await server.get(path)
            #expect(answer.status == 200, "\(path)")
            before.append(answer.body)
        }
        try Data("【禁忌】\n对一切禁用。\n".utf8).write(to: source)
        for (path, body) in zip(paths, before) { #expect(try await server.get(path).body == body, "changed: \(path)") }
        try FileManager.default.removeItem(at: source)
        for (path, body) in zip(paths, before) { #expect(try await server.get(path).body == body, "deleted: \(path)") }
        #expect(mkfifo(source.path, 0o644) == 0)
        for (path, body) in zip(paths, before) { #expect(try await server.get(path).body == body, "FIFO: \(path)") }
        // Not a copy the first server kept from before: a server started now answers alike.
        let fresh = try await ServerHarness.serve(db: server.directory.appendingPathComponent("index.sqlite").path, directory: server.directory)
        defer { Task { await fresh.stop() } }
        for (path, body) in zip(paths, before) { #expect(try await fresh.get(path).body == body, "FIFO, new server: \(path)") }
    }

    @Test("serve started in another folder than index answers every document endpoint")
    func anotherFolder() async throws {
        let cli = CommandRunner()
        let work = try TestSupport.scratch()
        let db = work.appendingPathComponent("index.sqlite").path
        // Indexed by a relative path from the repository, served from the scratch folder.
        #expect(try cli.run(["index", "Corpus", "--db", db]).status == 0)
        let server = try ServeProcess(db: db, in: work)
        defer { server.stop() }
        let bound = try #require(server.port, "\(server.logText)")
        for path in ["/labels/\(Self.label)", "/labels/\(Self.label)/sections/contraindications", "/labels/\(Self.label)/tables/1",
                     "/labels/\(Self.label)/diff/\(Self.label)", "/labels/\(Self.label)/validate", "/label/\(Self.label)"] {
            let url = try #require(URL(string: "http://127.0.0.1:\(bound)\(path)"))
            let (_, response) = try await URLSession.shared.data(from: url)
            #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(path)")
        }
    }
}
