// Filled by later pipeline stages; part of the JSON contract from schemaVersion 1, so the
// model exists even where a stage is not built yet.

/// `细胞因子释放综合征（CRS）` defines CRS.
public struct Abbreviation: Codable, Sendable, Hashable {
    public var short: String
    public var long: String
    public var span: SourceSpan
}
