/// Lines of the original file a value came from: 1-based, inclusive.
public struct SourceSpan: Codable, Sendable, Hashable, Comparable {
    public var startLine: Int
    public var endLine: Int

    public init(startLine: Int, endLine: Int) {
        self.startLine = startLine
        self.endLine = max(startLine, endLine)
    }

    public init(line: Int) { self.init(startLine: line, endLine: line) }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(startLine: min(startLine, other.startLine), endLine: max(endLine, other.endLine))
    }

    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        (lhs.startLine, lhs.endLine) < (rhs.startLine, rhs.endLine)
    }
}
