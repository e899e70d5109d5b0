import Foundation
import Hummingbird
import Logging

/// One log line per request, written when it is answered: method, path and query, status and
/// the time until the answer began (a streamed document goes on after it). Hummingbird's own
/// request log writes before the answer, without either.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("\(request.method.rawValue) \(LogLine.bounded(request.uri.string)) \(response.status.code) \(String(format: "%.1f", ms)) ms")
        return response
    }
}
