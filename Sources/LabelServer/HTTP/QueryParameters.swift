import Foundation

/// A request's query string, decoded as browsers encode forms (`+` is a space) and checked:
/// an unknown or repeated parameter, a bad number or a limit out of range is a 400 that says
/// which, never silently ignored.
struct QueryParameters: Sendable {
    static let maximumLimit = 1000
    static let maximumLength = 1000

    private(set) var values: [String: String] = [:]

    init(_ query: String?, allowed: Set<String>) throws {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = QueryParameters.decode(parts[0]),
                  let value = QueryParameters.decode(parts.count > 1 ? parts[1] : "") else {
                throw APIError.badRequest("bad_encoding", "the query string is not valid percent-encoded UTF-8")
            }
            guard allowed.contains(name) else {
                throw APIError.badRequest("unknown_parameter", "unknown parameter \(name); this endpoint takes \(allowed.sorted().joined(separator: ", "))")
            }
            guard values[name] == nil else { throw APIError.badRequest("repeated_parameter", "parameter \(name) is given twice") }
            values[name] = value
        }
    }

    private static func decode(_ s: Substring) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A non-empty text value, trimmed; nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let v = values[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let raw = text(name) else { return value }
        guard let n = Int(raw), range.contains(n) else {
            throw APIError.badRequest("bad_\(name)", "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); got \(raw)")
        }
        return n
    }

    func number(_ name: String) throws -> Double? {
        guard let raw = text(name) else { return nil }
        guard let n = Double(raw), n.isFinite else { throw APIError.badRequest("bad_\(name)", "\(name) must be a number; got \(raw)") }
        return n
    }

    /// `limit` (1…1000, default `defaultLimit`) and `skip` (any count ≥ 0: no cap, the cost of a
    /// deep page is the cost of counting the answer, which every page pays for `total`).
    func page(defaultLimit: Int = 10) throws -> (limit: Int, skip: Int) {
        (try integer("limit", default: defaultLimit, in: 1...QueryParameters.maximumLimit),
         try integer("skip", default: 0, in: 0...Int(Int32.max)))
    }

    /// The URL of the page after this one, or nil when this one is the last.
    func next(path: String, total: Int, limit: Int, skip: Int) -> String? {
        guard skip + limit < total else { return nil }
        var items = values.filter { $0.key != "skip" }.sorted { $0.key < $1.key }
        items.append(("skip", String(skip + limit)))
        return path + "?" + items.map { "\($0.0)=\(QueryParameters.encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
