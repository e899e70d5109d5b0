import LabelStore

/// Why `druglabel serve` could not start, told apart: an index that cannot be read is the
/// index's fault and says so in the store's words ("FILE is damaged …"); only a failure to bind
/// is about the address.
public enum LabelServerError: Error, CustomStringConvertible, Sendable {
    /// The index could not be opened or read; the message names the file and the way out.
    case index(String)
    /// The address could not be listened on.
    case listen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .index(let message): return message
        case .listen(let host, let port, let reason): return "cannot serve at \(host):\(port): \(reason)"
        }
    }

    /// An error of the index without the SQL a database error quotes after " - while executing".
    static func index(path: String, _ error: any Error) -> LabelServerError {
        if let error = error as? StoreError { return .index(error.description) }
        var reason = "\(error)"
        if let cut = reason.range(of: " - while executing") { reason = String(reason[..<cut.lowerBound]) }
        return .index("\(path): the index cannot be read (\(reason)); run `druglabel index --rebuild` to make it again")
    }
}
