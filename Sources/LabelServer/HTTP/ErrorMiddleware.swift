import Foundation
import Hummingbird
import Logging

/// Turns every failure into `{"error": {"code", "message"}}` with its status: an `APIError` as
/// it is, Hummingbird's own (an unknown route, a bad request line) by its status, and anything
/// else into a 500 whose detail goes to the log, not to the client: a response never carries a
/// path, an SQL text or a stack of the server.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return ErrorMiddleware.response(error, for: request)
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "not_found" : "http_\(error.status.code)"
            let message = error.status == .notFound
                ? "no such resource: \(request.uri.path); see /openapi.json for the endpoints"
                : error.status.reasonPhrase
            return ErrorMiddleware.response(APIError(status: error.status, code: code, message: message), for: request)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return ErrorMiddleware.response(.internalError("internal", "the server could not answer this request; the details are in its log"),
                                            for: request)
        }
    }

    private struct Body: Encodable {
        struct Detail: Encodable { var code: String; var message: String }
        var error: Detail
    }

    /// JSON for the API; a short page for a person who followed a link of the search page.
    static func response(_ error: APIError, for request: Request) -> Response {
        var response: Response
        if PageRoutes.isPage(request.uri.path) {
            response = PageRoutes.html(PageRenderer.shared.errorPage(status: Int(error.status.code), message: error.message),
                                       status: error.status)
        } else {
            response = (try? JSONBody.response(Body(error: .init(code: error.code, message: error.message)), status: error.status))
                ?? Response(status: error.status)
        }
        for field in error.headers { response.headers.append(field) }
        return response
    }
}
