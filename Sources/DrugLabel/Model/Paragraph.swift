/// Consecutive physical lines that the PDF wrapped, joined again, with where each line begins
/// in the joined text: a value read from the paragraph knows its lines without searching for
/// its text again.
public struct Paragraph: Sendable, Hashable {
    /// A source line's first scalar in `text`.
    public struct LineStart: Sendable, Hashable {
        public var offset: Int
        public var line: Int

        public init(offset: Int, line: Int) {
            self.offset = offset
            self.line = line
        }
    }

    public var text: String
    public var span: SourceSpan
    /// One entry per joined line, in order; the first at offset 0.
    public var lineStarts: [LineStart] {
        get { [firstStart] + laterStarts }
        set {
            firstStart = newValue.first ?? LineStart(offset: 0, line: span.startLine)
            laterStarts = Array(newValue.dropFirst())
        }
    }
    /// `lineStarts` kept as its first entry and the rest: most paragraphs are one line, and an
    /// array of one for each was an allocation per paragraph (a million in a 50 MB label).
    private var firstStart: LineStart
    private var laterStarts: [LineStart] = []
    /// Scalars in `text`, kept as lines are appended.
    var scalarCount: Int
    /// The physical lines it was made of.
    public var lineCount: Int
    /// Display width of the text (the sum of its lines' widths).
    public var width: Int

    public init(text: String, span: SourceSpan, lineCount: Int = 1, width: Int? = nil) {
        self.text = text
        self.span = span
        self.lineCount = lineCount
        self.width = width ?? DisplayWidth.of(text)
        firstStart = LineStart(offset: 0, line: span.startLine)
        scalarCount = text.scalarCount
    }

    /// The lines that scalars `range` of `text` came from.
    public func span(of range: Range<Int>) -> SourceSpan {
        var first = firstStart.line, last = first
        func look(_ start: LineStart) {
            if start.offset <= range.lowerBound { first = start.line }
            if start.offset < max(range.upperBound, range.lowerBound + 1) { last = start.line }
        }
        look(firstStart)
        for start in laterStarts { look(start) }
        return SourceSpan(startLine: first, endLine: max(first, last))
    }

    /// Room for `count` more joined lines' starts.
    mutating func reserveLineStarts(_ count: Int) {
        laterStarts.reserveCapacity(laterStarts.count + count)
    }

    /// Notes that a joined line starts at scalar `offset` of `text`.
    mutating func appendLineStart(_ start: LineStart) {
        laterStarts.append(start)
    }
}
