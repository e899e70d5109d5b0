import DrugLabel
import Foundation
import Hummingbird
import LabelStore
import Logging
import NIOCore

/// `druglabel serve`: the JSON API and the search page over one label store, opened read-only.
/// Usable without the CLI: build the application, run it, and it stops cleanly on SIGINT or
/// SIGTERM.
public struct LabelServer: Sendable {
    public var databasePath: String
    public var host: String
    public var port: Int
    public var logger: Logger
    /// How long a request's head may take to arrive once its first byte has: a client that
    /// trickles headers holds a connection no longer.
    public var headerTimeout: Duration
    /// How long a connection may wait for its next request before it is closed.
    public var idleTimeout: Duration

    public init(databasePath: String, host: String = "127.0.0.1", port: Int = 8080, logger: Logger? = nil,
                headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60)) {
        self.databasePath = databasePath
        self.host = host
        self.port = port
        self.logger = logger ?? Logger(label: "druglabel.serve")
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
    }

    /// The application, ready to run. `onRunning` receives the port actually bound (port 0
    /// asks the system for a free one, as the tests do). An index that cannot be opened or read
    /// is a `LabelServerError.index` in the store's words.
    public func makeApplication(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let service: LabelService
        do {
            service = LabelService(store: try LabelStore(path: databasePath, readOnly: true))
            try service.warmUp()
        } catch {
            throw LabelServerError.index(path: databasePath, error)
        }
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: MethodMiddleware())
        APIRoutes.add(to: router, service: service)
        PageRoutes.add(to: router, service: service, catalogue: .standard)
        var appLogger = logger
        // Hummingbird's own per-request lines would double ours.
        appLogger.logLevel = max(logger.logLevel, .notice)
        return Application(
            router: router,
            server: .guardedHTTP1(headerTimeout: headerTimeout, idleTimeout: idleTimeout, logger: logger),
            configuration: .init(address: .hostname(host, port: port), serverName: "druglabel"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: appLogger
        )
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests under way and returns. Throws
    /// a `LabelServerError`: the index's own message, or why the address could not be bound.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let application = try makeApplication(onRunning: onRunning)
        do {
            try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            let reason = "\(error)".contains("Address already in use")
                ? "the port is in use by another program; pass another --port" : "\(error)"
            throw LabelServerError.listen(host: host, port: port, reason: reason)
        }
    }
}
