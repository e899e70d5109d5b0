import Foundation

/// The profiles and the rules every profile shares (Resources/validation-common.json): the
/// texts that say nothing is known, the date from which the holder must be named, how
/// percentages with their counts are written, and the dose units that match each other. The
/// valid forms of an approval number are the metadata rules' (metadata.json), which read it.
public struct ValidationRules: Sendable {
    public struct Common: Codable, Sendable {
        public var notYetKnownTexts: [String]
        public var holderRequiredFrom: String
        public var holderLaw: String
        public var percentWithCountsPattern: String
        public var percentTolerance: Double
        /// Dose units that a strength in another unit of the same group matches (mg and g).
        public var unitGroups: [[String]]
    }

    public var profiles: [ValidationProfile]
    public var common: Common

    public static let standard: ValidationRules = {
        do {
            return try ValidationRules(
                profiles: [PackageResources.validation_chemical_json, PackageResources.validation_tcm_json,
                           PackageResources.validation_vaccine_json, PackageResources.validation_otc_json].map { Data($0) },
                common: Data(PackageResources.validation_common_json))
        } catch {
            fatalError("the bundled validation rules are broken: \(error)")
        }
    }()

    public init(profiles: [Data], common: Data) throws {
        let decoder = JSONDecoder()
        self.profiles = try profiles.map { try decoder.decode(ValidationProfile.self, from: $0) }
        self.common = try decoder.decode(Common.self, from: common)
        _ = try NSRegularExpression(pattern: self.common.percentWithCountsPattern)
    }

    /// The same rules with one profile replaced or added (an expert's edited copy).
    public func adding(_ profile: ValidationProfile) -> ValidationRules {
        var copy = self
        copy.profiles.removeAll { $0.id == profile.id }
        copy.profiles.append(profile)
        return copy
    }

    public func profile(_ id: String) -> ValidationProfile? { profiles.first { $0.id == id } }
}
