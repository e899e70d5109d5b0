/// A trial declared in an application (试验类型 / 试验对照药品 / 试验阶段).
public struct Trial: Codable, Sendable, Hashable {
    public var type: String
    public var comparator: String?
    public var stage: String?
    public var span: SourceSpan
}
