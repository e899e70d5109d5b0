import DrugLabel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LabelServer
import LabelStore
import Logging

/// A `druglabel serve` on an ephemeral loopback port over a fresh index of the given files, and
/// a client for it. `shared` serves the bundled corpus for the whole test run.
final class ServerHarness: Sendable {
    let base: String
    let directory: URL
    let task: Task<Void, any Error>

    struct Answer {
        var status: Int
        var contentType: String
        var contentSecurityPolicy: String?
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] { try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:] }
        func value() throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: body) }
    }

    static let shared = Task { try await ServerHarness.start(files: [TestSupport.corpus.path]) }

    private init(base: String, directory: URL, task: Task<Void, any Error>) {
        self.base = base
        self.directory = directory
        self.task = task
    }

    /// Indexes `files` (copied into a scratch folder when `copy`, so a test may change them),
    /// then serves the index until `stop()`.
    static func start(files: [String], copy: Bool = false) async throws -> ServerHarness {
        let directory = try TestSupport.scratch()
        var paths = files
        if copy {
            paths = try files.map { file in
                let target = directory.appendingPathComponent((file as NSString).lastPathComponent).path
                try FileManager.default.copyItem(atPath: file, toPath: target)
                return target
            }
        }
        let db = directory.appendingPathComponent("index.sqlite").path
        do {
            let store = try LabelStore(path: db)
            _ = try Indexer(store: store, makeParser: { try LabelParser() }).run(paths) { _ in }
            try store.checkpoint()
        }
        var logger = Logger(label: "druglabel.test")
        logger.logLevel = .critical
        let server = LabelServer(databasePath: db, host: "127.0.0.1", port: 0, logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try server.makeApplication { port in continuation.yield(port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw URLError(.cannotConnectToHost) }
        return ServerHarness(base: "http://127.0.0.1:\(port)", directory: directory, task: task)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// GET `path` as written (percent-encode it first where it needs it).
    func get(_ path: String) async throws -> Answer {
        guard let url = URL(string: base + path) else { throw URLError(.badURL) }
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = response as? HTTPURLResponse
        return Answer(status: http?.statusCode ?? 0, contentType: http?.value(forHTTPHeaderField: "Content-Type") ?? "",
                      contentSecurityPolicy: http?.value(forHTTPHeaderField: "Content-Security-Policy"), body: data)
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#/")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
