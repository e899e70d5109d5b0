/// Facts about the product, read from the preamble and the label's own sections.
/// A key with no value is left out of the JSON.
public struct Metadata: Codable, Sendable, Hashable {
    /// The line under the title (`请仔细阅读说明书并在医师指导下使用`).
    @Sourced public var notice: String?
    @Sourced public var genericName: String?
    @Sourced public var tradeName: String?
    @Sourced public var englishName: String?
    @Sourced public var pinyin: String?
    /// Prefix kept, colon and spaces removed: `国药准字S20210019`. The span is the section or
    /// field they were read from.
    @Sourced public var approvalNumbers: [String] = []
    /// `YBS00492024`. The span is the section it was looked for in, found or not.
    @Sourced public var standard: String?
    /// 核准日期, the approval date of the first version, ISO.
    @Sourced public var approvalDate: String?
    /// The title's lines: the title itself is not kept (the generic name is read from it when
    /// the label has no name block), but the format checks point at it.
    public var titleSpan: SourceSpan?
    public var revisions: [Revision] = []
    public var holder: Organization?
    public var manufacturer: Organization?
    public var storage: Storage?
    public var shelfLife: ShelfLife?

    public init() {}

    public var isEmpty: Bool { self == Metadata() }

    /// The sourced plain values by their JSON key, for the contract's `spans` object.
    private var sourced: [(key: String, span: SourceSpan?)] {
        [("approvalDate", $approvalDate.span), ("approvalNumbers", $approvalNumbers.span), ("englishName", $englishName.span),
         ("genericName", $genericName.span), ("notice", $notice.span), ("pinyin", $pinyin.span), ("standard", $standard.span),
         ("title", titleSpan), ("tradeName", $tradeName.span)]
    }

    /// The JSON's `spans` object, made from the sourced values: each plain value's lines by its
    /// key (and `title`), sorted by key.
    public var spans: [(key: String, span: SourceSpan)] {
        sourced.compactMap { k, span in span.map { (k, $0) } }
    }

    /// The sourced value of a name property of the catalogue's name labels: `sections.json`
    /// names them by these keys (`genericName`, `tradeName`, `englishName`, `pinyin`).
    static func name(_ property: String) -> WritableKeyPath<Metadata, Sourced<String?>>? {
        switch property {
        case "genericName": \.$genericName
        case "tradeName": \.$tradeName
        case "englishName": \.$englishName
        case "pinyin": \.$pinyin
        default: nil
        }
    }

    private enum CodingKeys: String, CodingKey {
        case notice, genericName, tradeName, englishName, pinyin, approvalNumbers, standard, approvalDate
        case revisions, holder, manufacturer, storage, shelfLife, spans
    }

    public func encode(to encoder: Encoder) throws {
        try encode(to: encoder, spanKey: { $0 })
    }

    /// As `encode(to:)`, with the keys of `spans` renamed by `spanKey` (an encoder's key
    /// strategy does not reach a dictionary's keys; the export writes them in snake_case).
    // DESIGN.md: "A key with no value is left out" — empty lists too, not only nils.
    public func encode(to encoder: Encoder, spanKey: (String) -> String) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(notice, forKey: .notice)
        try c.encodeIfPresent(genericName, forKey: .genericName)
        try c.encodeIfPresent(tradeName, forKey: .tradeName)
        try c.encodeIfPresent(englishName, forKey: .englishName)
        try c.encodeIfPresent(pinyin, forKey: .pinyin)
        if !approvalNumbers.isEmpty { try c.encode(approvalNumbers, forKey: .approvalNumbers) }
        try c.encodeIfPresent(standard, forKey: .standard)
        try c.encodeIfPresent(approvalDate, forKey: .approvalDate)
        if !revisions.isEmpty { try c.encode(revisions, forKey: .revisions) }
        try c.encodeIfPresent(holder, forKey: .holder)
        try c.encodeIfPresent(manufacturer, forKey: .manufacturer)
        try c.encodeIfPresent(storage, forKey: .storage)
        try c.encodeIfPresent(shelfLife, forKey: .shelfLife)
        let spans = spans
        if !spans.isEmpty {
            try c.encode(Dictionary(spans.map { (spanKey($0.key), $0.span) }) { a, _ in a }, forKey: .spans)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let spans = try c.decodeIfPresent([String: SourceSpan].self, forKey: .spans) ?? [:]
        $notice = Sourced(try c.decodeIfPresent(String.self, forKey: .notice), span: spans["notice"])
        $genericName = Sourced(try c.decodeIfPresent(String.self, forKey: .genericName), span: spans["genericName"])
        $tradeName = Sourced(try c.decodeIfPresent(String.self, forKey: .tradeName), span: spans["tradeName"])
        $englishName = Sourced(try c.decodeIfPresent(String.self, forKey: .englishName), span: spans["englishName"])
        $pinyin = Sourced(try c.decodeIfPresent(String.self, forKey: .pinyin), span: spans["pinyin"])
        $approvalNumbers = Sourced(try c.decodeIfPresent([String].self, forKey: .approvalNumbers) ?? [], span: spans["approvalNumbers"])
        $standard = Sourced(try c.decodeIfPresent(String.self, forKey: .standard), span: spans["standard"])
        $approvalDate = Sourced(try c.decodeIfPresent(String.self, forKey: .approvalDate), span: spans["approvalDate"])
        titleSpan = spans["title"]
        revisions = try c.decodeIfPresent([Revision].self, forKey: .revisions) ?? []
        holder = try c.decodeIfPresent(Organization.self, forKey: .holder)
        manufacturer = try c.decodeIfPresent(Organization.self, forKey: .manufacturer)
        storage = try c.decodeIfPresent(Storage.self, forKey: .storage)
        shelfLife = try c.decodeIfPresent(ShelfLife.self, forKey: .shelfLife)
    }
}

/// `第四次修改日期：2024 年 12 月 13 日` is ordinal 4, date 2024-12-13.
public struct Revision: Codable, Sendable, Hashable {
    public var ordinal: Int?
    public var date: String
    public var span: SourceSpan
}

/// A marketing authorization holder or manufacturer.
public struct Organization: Codable, Sendable, Hashable {
    public var name: String?
    public var address: String?
    public var postcode: String?
    public var phone: String?
    public var fax: String?
    public var website: String?
    public var span: SourceSpan
}

/// Storage conditions: `低于零下 150 摄氏度` is maxCelsius -150.
public struct Storage: Codable, Sendable, Hashable {
    public var minCelsius: Double?
    public var maxCelsius: Double?
    public var text: String
    public var span: SourceSpan
}

public struct ShelfLife: Codable, Sendable, Hashable {
    public var months: Int?
    public var text: String
    public var span: SourceSpan
}
