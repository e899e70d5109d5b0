/// The request target as a log line shows it: a refused 50 KB query must not become a 50 KB
/// log line (nor let a client fill the log at that rate).
enum LogLine {
    /// Characters of the target a line keeps.
    static let targetLimit = 200

    /// The target cut at `targetLimit` characters, with `…` and its full length where it was cut.
    static func bounded(_ target: String) -> String {
        guard target.count > targetLimit else { return target }
        return String(target.prefix(targetLimit)) + "…(\(target.utf8.count) bytes)"
    }
}
