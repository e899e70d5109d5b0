import Hummingbird

/// A failure the client can act on, sent as `{"error": {"code", "message"}}`. The message names
/// labels by their ids only: never a path, an SQL text or a stack of the server.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    /// Headers the status calls for (`Allow` with a 405).
    var headers: HTTPFields = [:]

    static func badRequest(_ code: String, _ message: String) -> APIError { APIError(status: .badRequest, code: code, message: message) }
    static func notFound(_ code: String, _ message: String) -> APIError { APIError(status: .notFound, code: code, message: message) }
    static func internalError(_ code: String, _ message: String) -> APIError {
        APIError(status: .internalServerError, code: code, message: message)
    }
}
