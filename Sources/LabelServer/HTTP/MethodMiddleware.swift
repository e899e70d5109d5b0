import Hummingbird

/// Answers 405 with `Allow: GET, HEAD` to every other method, on every path: the server only
/// reads, so no route takes another method, and 405 says so where the router's 404 would say
/// the resource does not exist (RFC 9110 §15.5.6).
struct MethodMiddleware<Context: RequestContext>: RouterMiddleware {
    static var allowed: String { "GET, HEAD" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            throw APIError(status: .methodNotAllowed, code: "method_not_allowed",
                           message: "\(request.method.rawValue) is not served; this API answers GET (and HEAD) only",
                           headers: [.allow: MethodMiddleware.allowed])
        }
        return try await next(request, context)
    }
}
