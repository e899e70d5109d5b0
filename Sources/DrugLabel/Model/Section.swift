/// One 【】 section of a label, or a label field quoted by an application or slides.
public struct Section: Codable, Sendable, Hashable {
    /// The catalogue key (`indications_and_usage`), or nil for a heading the catalogue lacks.
    public var key: String?
    /// The heading as written, without 【】 (`适应症`); for a quoted field, the field name.
    public var heading: String
    /// From the heading's own line to the last line of the body.
    public var span: SourceSpan
    /// The body: hard wraps joined, one paragraph a line, subsection titles kept as lines.
    public var text: String
    public var subsections: [Subsection]
    public var items: [Item]

    public init(key: String?, heading: String, span: SourceSpan, text: String,
                subsections: [Subsection] = [], items: [Item] = []) {
        self.key = key
        self.heading = heading
        self.span = span
        self.text = text
        self.subsections = subsections
        self.items = items
    }
}

/// A titled part of a section (`预处理`, `ZUMA-1 临床研究`).
public struct Subsection: Codable, Sendable, Hashable {
    public var heading: String
    public var text: String
    public var span: SourceSpan

    public init(heading: String, text: String, span: SourceSpan) {
        self.heading = heading
        self.text = text
        self.span = span
    }
}

/// A numbered item of a section (`1.`, `2、`, `（1）`).
public struct Item: Codable, Sendable, Hashable {
    public var marker: String
    public var text: String
    public var span: SourceSpan

    public init(marker: String, text: String, span: SourceSpan) {
        self.marker = marker
        self.text = text
        self.span = span
    }
}
