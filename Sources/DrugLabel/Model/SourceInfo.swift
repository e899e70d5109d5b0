/// Where the document came from and how its bytes were read.
public struct SourceInfo: Codable, Sendable, Hashable {
    public var path: String
    public var sha256: String
    /// The encoding the bytes were decoded from: `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `GB18030`, …
    public var encoding: String
    public var bytes: Int
    /// What the file was read as (schemaVersion 3): its spans carry pages for a PDF, paragraphs
    /// and cells for a .docx or a web page.
    public var format: DocumentFormat

    public init(path: String, sha256: String, encoding: String, bytes: Int, format: DocumentFormat = .text) {
        self.path = path
        self.sha256 = sha256
        self.encoding = encoding
        self.bytes = bytes
        self.format = format
    }

    private enum CodingKeys: String, CodingKey { case path, sha256, encoding, bytes, format }

    /// A label written before schemaVersion 3 has no `format`: it was read as text.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        sha256 = try c.decode(String.self, forKey: .sha256)
        encoding = try c.decode(String.self, forKey: .encoding)
        bytes = try c.decode(Int.self, forKey: .bytes)
        format = try c.decodeIfPresent(DocumentFormat.self, forKey: .format) ?? .text
    }
}
