/// The origin of every line of a document read from a PDF, .docx or web page, by line number:
/// what turns a span (lines of the read text) into a place a reader can find (`p. 12`).
public struct LineOrigins: Sendable, Hashable, Codable {
    /// `origins[n - 1]` is line n's.
    public var origins: [LineOrigin]

    public init(_ origins: [LineOrigin]) { self.origins = origins }

    public subscript(line: Int) -> LineOrigin? {
        line >= 1 && line <= origins.count ? origins[line - 1] : nil
    }

    /// Where a span starts; a span whose first line is blank (it has no origin of its own)
    /// takes its first line that has one.
    public func origin(of span: SourceSpan) -> LineOrigin? {
        guard span.startLine >= 1 else { return nil }
        var line = span.startLine
        while line <= min(span.endLine, origins.count) {
            let o = origins[line - 1]
            if o.page != nil || o.paragraph != nil { return o }
            line += 1
        }
        return nil
    }
}
