/// One indexed document as the index describes it, without parsing it again.
public struct DocumentSummary: Codable, Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var kind: String
    public var title: String?
    public var genericName: String?
    public var tradeName: String?
    public var englishName: String?
    public var holder: String?
}
