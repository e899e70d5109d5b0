/// Where the document came from and how its bytes were read.
public struct SourceInfo: Codable, Sendable, Hashable {
    public var path: String
    public var sha256: String
    /// The encoding the bytes were decoded from: `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `GB18030`, …
    public var encoding: String
    public var bytes: Int

    public init(path: String, sha256: String, encoding: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.encoding = encoding
        self.bytes = bytes
    }
}
