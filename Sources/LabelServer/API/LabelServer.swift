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

    public init(databasePath: String, host: String = "127.0.0.1", port: Int = 8080, logger: Logger? = nil) {
        self.databasePath = databasePath
        self.host = host
        self.port = port
        self.logger = logger ?? Logger(label: "druglabel.serve")
    }

    /// The application, ready to run. `onRunning` receives the port actually bound (port 0
    /// asks the system for a free one, as the tests do).
    public func makeApplication(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let store = try LabelStore(path: databasePath, readOnly: true)
        let service = LabelService(store: store)
        try service.warmUp()
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: QueryLengthMiddleware())
        APIRoutes.add(to: router, service: service)
        PageRoutes.add(to: router, service: service, catalogue: .standard)
        var appLogger = logger
        // Hummingbird's own per-request lines would double ours.
        appLogger.logLevel = max(logger.logLevel, .notice)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "druglabel"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: appLogger
        )
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests under way and returns.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await makeApplication(onRunning: onRunning).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
