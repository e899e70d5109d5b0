/// A key/value pair of an application form or slides, in document order.
public struct Field: Codable, Sendable, Hashable {
    public var name: String
    public var value: String
    public var span: SourceSpan

    public init(name: String, value: String, span: SourceSpan) {
        self.name = name
        self.value = value
        self.span = span
    }
}

/// A core patent declared in an application (核心专利类型 / 核心专利权期限届满日).
public struct Patent: Codable, Sendable, Hashable {
    public var type: String
    public var expires: String?
    public var span: SourceSpan
}

/// A trial declared in an application (试验类型 / 试验对照药品 / 试验阶段).
public struct Trial: Codable, Sendable, Hashable {
    public var type: String
    public var comparator: String?
    public var stage: String?
    public var span: SourceSpan
}
