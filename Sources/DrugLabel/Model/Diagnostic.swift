/// Something the parser noticed about a document: a repair made, a guess taken, a fact missing.
public struct Diagnostic: Codable, Sendable, Hashable {
    public enum Severity: String, Codable, Sendable { case info, warning, error }

    public var severity: Severity
    /// Dotted and stable (`decode.truncated`, `segment.unknownHeading`): tools match on it.
    public var code: String
    public var message: String
    /// The source line it is about, when there is one.
    public var line: Int?

    public init(_ severity: Severity, _ code: String, _ message: String, line: Int? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.line = line
    }
}
