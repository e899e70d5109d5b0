import Foundation

/// A request's query string, decoded as browsers encode forms (`+` is a space) and checked:
/// an unknown or repeated parameter, a value too long, a bad number or a limit out of range is
/// a 400 that says which, never silently ignored.
struct QueryParameters: Sendable {
    static let maximumLimit = 1000
    /// The longest value of each text parameter, in Unicode scalars as JSON Schema's `maxLength`
    /// counts (the OpenAPI document gives the same numbers): no search needs more, and the
    /// longest query a valid request can make stays well inside the 8 KB request line.
    static let maximumLengths = ["search": 200, "q": 200, "term": 200, "mark": 200]
    static let defaultMaximumLength = 100

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
            let maximum = QueryParameters.maximumLengths[name] ?? QueryParameters.defaultMaximumLength
            guard value.unicodeScalars.count <= maximum else {
                throw APIError.badRequest("too_long", "\(name) has \(value.unicodeScalars.count) characters; at most \(maximum) are accepted")
            }
            values[name] = value
        }
    }

    private static func decode(_ s: Substring) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A non-empty text value, trimmed; nil when absent or blank (a blank filter filters nothing).
    func text(_ name: String) -> String? {
        guard let v = values[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    /// A value that may be absent but, given, must not be empty (as written: a term of spaces
    /// is a term). The document says at least one character.
    func nonEmpty(_ name: String) throws -> String? {
        guard let v = values[name] else { return nil }
        guard !v.isEmpty else { throw APIError.badRequest("empty_\(name)", "\(name) is empty; give at least one character or leave it out") }
        return v
    }

    /// A value that must be given and not be empty, as written (a term of spaces is a term).
    func required(_ name: String, example: String) throws -> String {
        guard let v = values[name], !v.isEmpty else {
            throw APIError.badRequest("missing_\(name)", "\(name) is required: \(example)")
        }
        return v
    }

    /// A whole number in `range`, or `value` when the parameter is absent. Given but empty
    /// (`limit=`) is an error, not the default: the document says a number, and a client that
    /// sent an empty one has a bug the default would hide.
    func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let raw = values[name] else { return value }
        guard let n = Int(raw), range.contains(n) else {
            throw APIError.badRequest("bad_\(name)", "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); got \(raw)")
        }
        return n
    }

    /// A number in `range` (a percentage), nil when absent; given but empty is an error.
    func number(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let raw = values[name] else { return nil }
        guard let n = Double(raw), n.isFinite, range.contains(n) else {
            throw APIError.badRequest("bad_\(name)", "\(name) must be a number from \(QueryParameters.format(range.lowerBound)) to \(QueryParameters.format(range.upperBound)); got \(raw)")
        }
        return n
    }

    /// One of `allowed` exactly, nil when absent; given but empty or anything else is an error.
    func choice(_ name: String, _ allowed: [String]) throws -> String? {
        guard let raw = values[name] else { return nil }
        guard allowed.contains(raw) else {
            throw APIError.badRequest("bad_\(name)", "\(name) must be one of \(allowed.joined(separator: ", ")); got \(raw.isEmpty ? "nothing" : raw)")
        }
        return raw
    }

    /// A calendar date written YYYY-MM-DD (a real one: not 2026-02-30), nil when absent.
    func date(_ name: String) throws -> String? {
        guard let raw = values[name] else { return nil }
        guard CalendarDate(raw) != nil else {
            throw APIError.badRequest("bad_\(name)", "\(name) must be a date written YYYY-MM-DD; got \(raw.isEmpty ? "nothing" : raw)")
        }
        return raw
    }

    private static func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

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
