/// Facts about the product, read from the preamble and the label's own sections.
/// A key with no value is left out of the JSON.
public struct Metadata: Codable, Sendable, Hashable {
    /// The line under the title (`请仔细阅读说明书并在医师指导下使用`).
    public var notice: String?
    public var genericName: String?
    public var tradeName: String?
    public var englishName: String?
    public var pinyin: String?
    /// Prefix kept, colon and spaces removed: `国药准字S20210019`.
    public var approvalNumbers: [String] = []
    /// `YBS00492024`.
    public var standard: String?
    /// 核准日期, the approval date of the first version, ISO.
    public var approvalDate: String?
    public var revisions: [Revision] = []
    public var holder: Organization?
    public var manufacturer: Organization?
    public var storage: Storage?
    public var shelfLife: ShelfLife?
    /// Where each plain string value above came from, by its key.
    public var spans: [String: SourceSpan] = [:]

    public init() {}

    public var isEmpty: Bool { self == Metadata() }

    private enum CodingKeys: String, CodingKey {
        case notice, genericName, tradeName, englishName, pinyin, approvalNumbers, standard, approvalDate
        case revisions, holder, manufacturer, storage, shelfLife, spans
    }

    // DESIGN.md: "A key with no value is left out" — empty lists too, not only nils.
    public func encode(to encoder: Encoder) throws {
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
        if !spans.isEmpty { try c.encode(spans, forKey: .spans) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        notice = try c.decodeIfPresent(String.self, forKey: .notice)
        genericName = try c.decodeIfPresent(String.self, forKey: .genericName)
        tradeName = try c.decodeIfPresent(String.self, forKey: .tradeName)
        englishName = try c.decodeIfPresent(String.self, forKey: .englishName)
        pinyin = try c.decodeIfPresent(String.self, forKey: .pinyin)
        approvalNumbers = try c.decodeIfPresent([String].self, forKey: .approvalNumbers) ?? []
        standard = try c.decodeIfPresent(String.self, forKey: .standard)
        approvalDate = try c.decodeIfPresent(String.self, forKey: .approvalDate)
        revisions = try c.decodeIfPresent([Revision].self, forKey: .revisions) ?? []
        holder = try c.decodeIfPresent(Organization.self, forKey: .holder)
        manufacturer = try c.decodeIfPresent(Organization.self, forKey: .manufacturer)
        storage = try c.decodeIfPresent(Storage.self, forKey: .storage)
        shelfLife = try c.decodeIfPresent(ShelfLife.self, forKey: .shelfLife)
        spans = try c.decodeIfPresent([String: SourceSpan].self, forKey: .spans) ?? [:]
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
