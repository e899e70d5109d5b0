import Hummingbird

/// Refuses a query string over 1,000 characters (413) before any route parses it: no search
/// needs more, and a long one is an accident or an attack.
struct QueryLengthMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let query = request.uri.query, query.count > QueryParameters.maximumLength {
            throw APIError(status: .contentTooLarge, code: "query_too_long",
                           message: "the query string has \(query.count) characters; at most \(QueryParameters.maximumLength) are accepted")
        }
        return try await next(request, context)
    }
}
