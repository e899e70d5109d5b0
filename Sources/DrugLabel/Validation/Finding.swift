/// One thing validation found: a stable rule id, how serious it is, what to do about it, and
/// the source line that shows it.
public struct Finding: Codable, Sendable, Hashable {
    public var rule: String
    public var severity: Diagnostic.Severity
    public var message: String
    public var line: Int?

    public init(_ rule: String, _ severity: Diagnostic.Severity, _ message: String, line: Int? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.line = line
    }
}
