import Foundation

/// Holds a parsed label to the NMPA rules of its kind (a `ValidationProfile`, inferred or
/// forced) and says what does not comply, each finding with its rule id and line.
/// Not thread-safe (it keeps a `TextFold`): one per thread.
public final class LabelValidator {
    public enum ValidationError: Error, CustomStringConvertible, Equatable {
        case unknownProfile(String, known: [String])
        case unknownOrder(profile: String, order: String, known: [String])
        public var description: String {
            switch self {
            case .unknownProfile(let id, let known):
                return "no validation profile \(id) (profiles: \(known.joined(separator: ", ")); or give a profile file)"
            case .unknownOrder(let profile, let order, let known):
                return "profile \(profile) names the section order \(order), which the section catalogue lacks (orders: \(known.joined(separator: ", ")))"
            }
        }
    }

    public let rules: ValidationRules
    public let catalogue: SectionCatalogue
    /// The approval numbers' valid forms and the prefix that profiles read a letter after.
    public let metadataRules: MetadataRules
    let tableRules: TableRules
    let dosingRules: DosingRules
    let fold: TextFold

    /// The catalogue and the table, dosing and metadata rules should be the parser's, so that
    /// the validator reads the label the way it was parsed.
    public init(rules: ValidationRules = .standard, catalogue: SectionCatalogue = .standard, tableRules: TableRules = .standard,
                dosingRules: DosingRules = .standard, metadataRules: MetadataRules = .standard) throws {
        self.rules = rules
        self.catalogue = catalogue
        self.metadataRules = metadataRules
        self.tableRules = tableRules
        self.dosingRules = dosingRules
        for p in rules.profiles where catalogue.orders[p.order] == nil {
            throw ValidationError.unknownOrder(profile: p.id, order: p.order, known: catalogue.orders.keys.sorted())
        }
        fold = try TextFold.checked()
    }

    /// `asOf` is today's date (ISO), against which dates in the future are found.
    public func validate(_ label: Label, profile id: String? = nil, asOf: String) throws -> ValidationReport {
        let profile: ValidationProfile
        if let id {
            guard let p = rules.profile(id) else { throw ValidationError.unknownProfile(id, known: rules.profiles.map(\.id)) }
            profile = p
        } else {
            profile = ProfileDetector(rules: rules, approvalPrefix: metadataRules.approvalNumberPrefix, fold: fold).infer(label)
        }
        var report = ValidationReport(path: label.source.path, profile: profile.id, profileInferred: id == nil, findings: [])
        guard label.kind == .label else {
            let what = [DocumentKind.application: "an application form", .slides: "a slide deck", .article: "an article"][label.kind] ?? "not a label"
            report.findings = [Finding("document.notLabel", .warning,
                                       "this is \(what), not a label: validate reads labels only")]
            return report
        }
        let latest = ([label.metadata.approvalDate].compactMap { $0 } + label.metadata.revisions.map(\.date)).max()
        let common = rules.common
        var findings = SectionChecks(profile: profile, order: catalogue.orders[profile.order] ?? [], catalogue: catalogue,
                                     common: common, fold: fold).check(label, latestDate: latest)
        findings += MetadataChecks(common: common, metadata: metadataRules, fold: fold, asOf: asOf).check(label, latestDate: latest)
        findings += NumberChecks(common: common, tableRules: tableRules).check(label)
        findings += DoseChecks(common: common, fold: fold, dosingRules: dosingRules).check(label)
        // In line order (findings about the whole document first), so runs compare line by line.
        report.findings = findings.enumerated().sorted { a, b in
            (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
        }.map(\.element)
        return report
    }
}

extension LabelValidator {
    /// Today in China (NMPA dates are China's), as `--as-of` and the server default to.
    public static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
