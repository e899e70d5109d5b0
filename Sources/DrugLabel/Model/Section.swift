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
    /// The body's paragraphs with their lines, for the stages that read values out of it (the
    /// doses). Not in the JSON: `text` is their text, one a line.
    public var paragraphs: [Paragraph] = []

    public init(key: String?, heading: String, span: SourceSpan, text: String,
                subsections: [Subsection] = [], items: [Item] = []) {
        self.key = key
        self.heading = heading
        self.span = span
        self.text = text
        self.subsections = subsections
        self.items = items
    }

    private enum CodingKeys: String, CodingKey { case key, heading, span, text, subsections, items }

    /// Two sections are equal by what the JSON says of them; `paragraphs` is how the body was
    /// read, not part of the value (a section decoded from JSON has none).
    public static func == (a: Section, b: Section) -> Bool {
        a.key == b.key && a.heading == b.heading && a.span == b.span && a.text == b.text
            && a.subsections == b.subsections && a.items == b.items
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(heading)
        hasher.combine(span)
        hasher.combine(text)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decodeIfPresent(String.self, forKey: .key)
        heading = try c.decode(String.self, forKey: .heading)
        span = try c.decode(SourceSpan.self, forKey: .span)
        text = try c.decode(String.self, forKey: .text)
        subsections = try c.decode([Subsection].self, forKey: .subsections)
        items = try c.decode([Item].self, forKey: .items)
    }

    // The contract says `key` is "catalogue key or null": an unknown heading writes an explicit
    // null rather than leaving the key out, so readers can tell "unknown" from "missing".
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(heading, forKey: .heading)
        try c.encode(span, forKey: .span)
        try c.encode(text, forKey: .text)
        try c.encode(subsections, forKey: .subsections)
        try c.encode(items, forKey: .items)
    }
}
