import DrugLabel
import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LabelIngest
import LabelServer
import LabelStore
import Logging
import TestSupport

/// A `druglabel serve` on an ephemeral loopback port over a fresh index of the given files, and
/// a client for it. `shared` serves the bundled corpus for the whole test run.
final class ServerHarness: Sendable {
    let base: String
    let port: Int
    /// The request log, when the harness was started with `log: true`.
    let log: LogLines
    let directory: URL
    let task: Task<Void, any Error>

    struct Answer {
        var status: Int
        var contentType: String
        var contentSecurityPolicy: String?
        var contentTypeOptions: String?
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] { try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:] }
        func value() throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: body) }
    }

    static let shared = Task { try await ServerHarness.start(files: [TestSupport.corpus.path]) }

    private init(port: Int, directory: URL, task: Task<Void, any Error>, log: LogLines) {
        self.port = port
        self.log = log
        self.base = "http://127.0.0.1:\(port)"
        self.directory = directory
        self.task = task
    }

    /// Indexes `files` (copied into a scratch folder when `copy`, so a test may change them),
    /// then serves the index until `stop()`.
    static func start(files: [String], copy: Bool = false, headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60),
                      log: Bool = false) async throws -> ServerHarness {
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
        return try await serve(db: db, directory: directory, headerTimeout: headerTimeout, idleTimeout: idleTimeout, log: log)
    }

    /// Serves an index already made.
    static func serve(db: String, directory: URL, headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60),
                      log: Bool = false) async throws -> ServerHarness {
        let lines = LogLines()
        var logger = log ? Logger(label: "druglabel.test") { _ in LogLines.Handler(lines: lines) } : Logger(label: "druglabel.test")
        logger.logLevel = log ? .info : .critical
        let server = LabelServer(databasePath: db, host: "127.0.0.1", port: 0, logger: logger,
                                 headerTimeout: headerTimeout, idleTimeout: idleTimeout)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try server.makeApplication { port in continuation.yield(port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw URLError(.cannotConnectToHost) }
        return ServerHarness(port: port, directory: directory, task: task, log: lines)
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
                      contentSecurityPolicy: http?.value(forHTTPHeaderField: "Content-Security-Policy"),
                      contentTypeOptions: http?.value(forHTTPHeaderField: "X-Content-Type-Options"), body: data)
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#/")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

/// The lines a server logged, for the tests that read its log.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var all: [String] { lock.withLock { lines } }

    struct Handler: LogHandler {
        let lines: LogLines
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.lock.withLock { lines.lines.append(event.message.description) }
        }
    }
}

/// A raw TCP client for what URLSession will not send or report: a method such as TRACE, a
/// head that never ends, a connection left idle, and whether the server closed it.
struct ServerConnection {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { _ = Glibc.close(fd); throw POSIXError(.ECONNREFUSED) }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// What the server sends until it closes the connection or `seconds` pass, and whether it
    /// closed it. The wait blocks a thread of Dispatch's, not of the tasks' pool: the server's
    /// handlers run on that pool, and tests blocking it would starve the server they wait for.
    func read(for seconds: Double) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { done in
            DispatchQueue.global().async { done.resume(returning: readBlocking(for: seconds)) }
        }
    }

    private func readBlocking(for seconds: Double) -> (text: String, closed: Bool) {
        var data = [UInt8]()
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
            if ready <= 0 { continue }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return (String(decoding: data, as: UTF8.self), true) }
            data += buffer[..<n]
        }
        return (String(decoding: data, as: UTF8.self), false)
    }

    func close() { _ = Glibc.close(fd) }
}
