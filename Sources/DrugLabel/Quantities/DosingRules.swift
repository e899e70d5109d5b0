import Foundation

/// The data-driven rules of the dosing stage (Resources/dosing.json): units and their codes,
/// per-what suffixes, range marks, routes, frequency, schedule and duration patterns, the words
/// that lead a maximum, and the words that stand for the product itself.
public final class DosingRules: Sendable {
    struct Unit: Sendable {
        var written: [Unicode.Scalar]
        /// `written` as a String, made once.
        var text: String
        var code: String
        var kind: String
        var factor: Double
    }
    struct Per: Sendable {
        var written: [Unicode.Scalar]
        var code: String
    }

    /// Longest written form first.
    let units: [Unit]
    /// The same, by first scalar: a number is followed by a unit's first character or by none.
    let unitsByFirst: [Unicode.Scalar: [Unit]]
    let pers: [Per]
    let concentrationPers: [[Unicode.Scalar]]
    let cellUnit: NSRegularExpression
    let minimumCells: Double
    let rangeMarks: [[Unicode.Scalar]]
    let routes: [String]
    let frequency: [NSRegularExpression]
    let schedule: [NSRegularExpression]
    let duration: [NSRegularExpression]
    let maximumLeads: [String]
    let productWords: [String]
    let doseNouns: [String]
    let drugBoundaries: [String]
    let comparisons: [String]
    let reportNouns: [String]
    let sharedConnectors: [String]
    let belowZero: [String]
    /// Dosage-form units a Chinese numeral may count (`一次两片`).
    let chineseAmountUnits: Set<Unicode.Scalar>
    /// Who a dose is for (`成人`, `儿童`), longest first.
    let populations: [String]

    private struct File: Decodable {
        struct UnitEntry: Decodable { var written: [String]; var code: String; var kind: String; var factor: Double? }
        struct PerEntry: Decodable { var written: [String]; var code: String }
        var units: [UnitEntry]
        var cellUnitPattern: String
        var minimumCells: Double
        var per: [PerEntry]
        var concentrationPers: [String]
        var rangeMarks: [String]
        var routes: [String]
        var frequencyPatterns: [String]
        var schedulePatterns: [String]
        var durationPatterns: [String]
        var maximumLeads: [String]
        var productWords: [String]
        var doseNouns: [String]
        var drugBoundaries: [String]
        var comparisons: [String]
        var reportNouns: [String]
        var sharedConnectors: [String]
        var belowZero: [String]
        var chineseAmountUnits: [String]
        var populations: [String]
    }

    public static let standard: DosingRules = {
        do { return try DosingRules(json: Data(PackageResources.dosing_json)) } catch {
            fatalError("the bundled dosing.json is broken: \(error)")
        }
    }()

    public init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        units = file.units.flatMap { u in
            u.written.map { Unit(written: Array($0.unicodeScalars), text: $0, code: u.code, kind: u.kind, factor: u.factor ?? 1) }
        }.sorted { $0.written.count > $1.written.count }
        unitsByFirst = Dictionary(grouping: units, by: { $0.written[0] })
        pers = file.per.flatMap { p in p.written.map { Per(written: Array($0.unicodeScalars), code: p.code) } }
            .sorted { $0.written.count > $1.written.count }
        concentrationPers = file.concentrationPers.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        cellUnit = try NSRegularExpression(pattern: file.cellUnitPattern)
        minimumCells = file.minimumCells
        rangeMarks = file.rangeMarks.map { Array($0.unicodeScalars) }
        routes = file.routes.sorted { $0.count > $1.count }
        // One pattern per kind, the listed ones as alternatives: the leftmost match wins either
        // way, and each regex call bridges the text to NSString once.
        let joined = { (patterns: [String]) in try [NSRegularExpression(pattern: patterns.map { "(?:\($0))" }.joined(separator: "|"))] }
        frequency = try joined(file.frequencyPatterns)
        schedule = try joined(file.schedulePatterns)
        duration = try joined(file.durationPatterns)
        maximumLeads = file.maximumLeads.sorted { $0.count > $1.count }
        productWords = file.productWords
        doseNouns = file.doseNouns.sorted { $0.count > $1.count }
        drugBoundaries = file.drugBoundaries.sorted { $0.count > $1.count }
        comparisons = file.comparisons.sorted { $0.count > $1.count }
        reportNouns = file.reportNouns
        sharedConnectors = file.sharedConnectors
        belowZero = file.belowZero
        populations = file.populations.sorted { $0.count > $1.count }
        chineseAmountUnits = Set(file.chineseAmountUnits.compactMap(\.unicodeScalars.first))
    }

    /// The first match of any of `patterns` in `text`, as written.
    static func first(_ patterns: [NSRegularExpression], in text: String) -> String? {
        var best: (Int, String)?
        for regex in patterns {
            guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let r = Range(m.range, in: text) else { continue }
            if best == nil || m.range.location < best!.0 { best = (m.range.location, String(text[r])) }
        }
        return best?.1
    }
}
