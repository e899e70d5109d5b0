/// A core patent declared in an application (核心专利类型 / 核心专利权期限届满日).
public struct Patent: Codable, Sendable, Hashable {
    public var type: String
    public var expires: String?
    public var span: SourceSpan
}
