/// Queries timed together, as `bench search` reports them: one line per set.
public struct QuerySet: Sendable {
    public var name: String
    public var queries: [String]
    /// A section filter every query of the set runs with.
    public var section: String?

    /// The fixed sets: short queries read the longest posting lists, four characters the
    /// common case, Latin terms the abbreviation expansions, and a filtered set.
    public static let standard: [QuerySet] = [
        QuerySet(name: "two-character", queries: ["发热", "禁忌", "妊娠", "头痛", "恶心", "贫血", "缺氧", "皮疹"]),
        QuerySet(name: "four-character", queries: ["托珠单抗", "细胞因子", "神经毒性", "淋巴细胞", "血小板计", "过敏反应"]),
        QuerySet(name: "Latin", queries: ["CRS", "CAR-T", "CD19", "mg/m2", "ICANS", "LBCL"]),
        QuerySet(name: "filtered", queries: ["托珠单抗", "妊娠", "发热"], section: "warnings_and_cautions"),
    ]
}
