/// ICU could not open one of its transforms (its data is missing or too old): nothing that
/// needs it can run, so the parser reports it when it is made.
public struct ICUOpenError: Error, CustomStringConvertible {
    /// What was being opened: `the fold (NFKC, Traditional-Simplified)`, `Han-Latin` …
    public var transform: String
    public var message: String
    public var description: String { "ICU could not open \(transform): \(message)" }
}
