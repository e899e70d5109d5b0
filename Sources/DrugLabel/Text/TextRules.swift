import Foundation
import ICUBridge

/// The data-driven rules of the text stage (Resources/text-rules.json and the radical table).
public struct TextRules: Sendable {
    public var bulletMark: String
    /// Code points that stand for a bullet wherever they are (private-use glyphs, •, ●, …).
    public var bulletScalars: Set<UInt32>
    /// The UTF-8 bytes of each three-byte bullet scalar, packed, for the byte scan's fast path.
    var bulletPrefixes: Set<UInt32>
    /// Marks that are bullets only at the start of a line, before a space (`*`, `-`, `·`, `・`):
    /// one scalar each, which the byte scan and the repair compare.
    public var bulletLeaderScalars: Set<UInt32>
    public var privateUse: ClosedRange<UInt32>
    var pageFooters: [RegexLead]
    public var sentenceEnd: Set<Character>
    /// Words before a bracket that make it a cross-reference (`详见【不良反应】`), longest first.
    public var referenceLeads: [String] {
        didSet { foldedReferenceLeads = TextRules.folded(referenceLeads) }
    }
    private var foldedReferenceLeads: [String] = []
    /// Words that end the clause before a defined term (`伴随有细胞因子释放综合征（CRS）`), longest first.
    public var abbreviationLeadWords: [String]
    public var furnitureMaxWidth: Int
    public var furnitureMinPages: Int
    public var furnitureWindow: Int
    /// The HTML tags and entities that are markup in a text file.
    public var html: HTMLMarkup
    /// Radical code points (U+2E80–U+2FDF) and the ideographs they stand for.
    public var radicals: [UInt32: Unicode.Scalar] {
        didSet { radicalTable = TextRules.flatten(radicals) }
    }
    /// The same map as an array indexed from U+2E80, for the repair loop.
    private var radicalTable: [Unicode.Scalar?] = []

    /// Whether `text` ends with a reference lead (`（詳見` as well as `（详见`).
    func endsWithReferenceLead(_ text: String) -> Bool {
        foldedReferenceLeads.contains { TextRules.begins(text.unicodeScalars.reversed(), with: $0.unicodeScalars.reversed()) }
    }

    /// Whether `text` starts with a reference lead, in either script.
    func startsWithReferenceLead(_ text: String) -> Bool {
        foldedReferenceLeads.contains { TextRules.begins(text.unicodeScalars, with: $0.unicodeScalars) }
    }

    /// Whether `text` begins with `lead` (a rule word in its folded form), each scalar of `text`
    /// folded as it is read: a folded copy of the text's end as a String cost 2% of a small
    /// label's parse, for every bracketed heading asked about.
    private static func begins(_ text: some Sequence<Unicode.Scalar>, with lead: some Sequence<Unicode.Scalar>) -> Bool {
        var scalars = text.makeIterator()
        for s in lead {
            guard let t = scalars.next(), RuleFold.fold(t) == s else { return false }
        }
        return true
    }

    /// Rule words in their `RuleFold` form, longest first.
    static func folded(_ words: [String]) -> [String] {
        words.map(RuleFold.fold).sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
    }

    func radical(_ v: UInt32) -> Unicode.Scalar? {
        guard v >= 0x2E80, Int(v - 0x2E80) < radicalTable.count else { return nil }
        return radicalTable[Int(v - 0x2E80)]
    }

    private static func flatten(_ map: [UInt32: Unicode.Scalar]) -> [Unicode.Scalar?] {
        var table = [Unicode.Scalar?](repeating: nil, count: 0x2FE0 - 0x2E80)
        for (v, s) in map where (0x2E80..<0x2FE0).contains(v) { table[Int(v - 0x2E80)] = s }
        return table
    }

    /// The rules shipped with the package.
    public static let standard: TextRules = {
        do {
            return try TextRules(json: Data(PackageResources.text_rules_json),
                                 radicalsSupplement: String(decoding: PackageResources.radicals_supplement_txt, as: UTF8.self))
        } catch {
            fatalError("the bundled text-rules.json is broken: \(error)")
        }
    }()

    private struct File: Decodable {
        struct Furniture: Decodable { var maxWidth: Int; var minPages: Int; var window: Int }
        var bulletMark: String
        var bulletCodePoints: [String]
        var bulletLeaders: [String]
        var privateUseRange: [String]
        var pageFooterPatterns: [String]
        var sentenceEnd: String
        var referenceLeads: [String]
        var abbreviationLeadWords: [String]?
        var runningFurniture: Furniture
        var html: HTMLFile
    }

    private struct HTMLFile: Decodable {
        var blockTags: [String]
        var cellTags: [String]
        var inlineTags: [String]
        var superscriptTag: String
        var entities: [String: String]
    }

    /// Rules read from `json`, with the built-in radical table.
    public init(json: Data) throws {
        try self.init(json: json, radicalsSupplement: String(decoding: PackageResources.radicals_supplement_txt, as: UTF8.self))
    }

    public init(json: Data, radicalsSupplement: String) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        bulletMark = file.bulletMark
        bulletScalars = Set(file.bulletCodePoints.compactMap { UInt32($0, radix: 16) })
        bulletLeaderScalars = Set(file.bulletLeaders.compactMap { $0.firstScalar?.value })
        bulletPrefixes = Set(bulletScalars.compactMap { v -> UInt32? in
            guard let scalar = Unicode.Scalar(v) else { return nil }
            let bytes = Array(String(scalar).utf8)
            return bytes.count == 3 ? UInt32(bytes[0]) << 16 | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) : nil
        })
        let pua = file.privateUseRange.compactMap { UInt32($0, radix: 16) }
        privateUse = pua[0]...pua[1]
        pageFooters = try file.pageFooterPatterns.map { try RegexLead($0) }
        sentenceEnd = Set(file.sentenceEnd)
        referenceLeads = file.referenceLeads.sorted { $0.count > $1.count }
        foldedReferenceLeads = TextRules.folded(referenceLeads)
        abbreviationLeadWords = (file.abbreviationLeadWords ?? []).sorted { $0.count > $1.count }
        furnitureMaxWidth = file.runningFurniture.maxWidth
        furnitureMinPages = file.runningFurniture.minPages
        furnitureWindow = file.runningFurniture.window
        html = HTMLMarkup(blockTags: Set(file.html.blockTags.map { $0.lowercased() }),
                          cellTags: Set(file.html.cellTags.map { $0.lowercased() }),
                          inlineTags: Set(file.html.inlineTags.map { $0.lowercased() }),
                          superscriptTag: file.html.superscriptTag.lowercased(), entities: file.html.entities)
        radicals = TextRules.radicalTable(supplement: radicalsSupplement)
        radicalTable = TextRules.flatten(radicals)
    }

    /// Kangxi Radicals through ICU's NFKC, one code point at a time (NFKC must not touch the
    /// rest of the text); the CJK Radicals Supplement from the UCD's equivalents, which NFKC
    /// leaves alone.
    static func radicalTable(supplement: String) -> [UInt32: Unicode.Scalar] {
        var table: [UInt32: Unicode.Scalar] = [:]
        for value in UInt32(0x2F00)...0x2FDF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let source = Array(String(scalar).utf8)
            var out = [UInt8](repeating: 0, count: 16)
            let n = source.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    src.withMemoryRebound(to: CChar.self) { s in
                        dst.withMemoryRebound(to: CChar.self) { d in
                            dl_nfkc_utf8(s.baseAddress, Int32(s.count), d.baseAddress, 16)
                        }
                    }
                }
            }
            guard n > 0, n <= 16 else { continue }
            let mapped = String(decoding: out[0..<Int(n)], as: UTF8.self).unicodeScalars
            if mapped.count == 1, let first = mapped.first, first.value != value { table[value] = first }
        }
        for line in supplement.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let from = parts[0].firstScalar,
                  let to = parts[1].firstScalar else { continue }
            table[from.value] = to
        }
        return table
    }
}
