import Foundation

/// The section catalogue (Resources/sections.json): canonical sections, the headings that name
/// them, the field names under which forms quote them, and the NMPA order per kind of label.
public struct SectionCatalogue: Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        public var key: String
        public var headings: [String]
        public var mandatory: Bool
        public var openFDA: String?
        public var loinc: String?
        /// Field names under which applications and slides quote this section.
        public var quotedAs: [String]?
        /// Labels of the key/value lines inside the section (通用名称 → genericName).
        public var labels: [String: [String]]?
    }

    public struct BoxedWarningEntry: Codable, Sendable, Hashable {
        public var key: String
        public var titles: [String]
    }

    public var entries: [Entry]
    public var boxedWarning: BoxedWarningEntry
    /// Prescribed order of keys for each kind of label (chemical, tcm, otc, vaccine).
    public var orders: [String: [String]]
    public var alwaysMandatory: [String]

    private struct File: Codable {
        var sections: [Entry]
        var boxedWarning: BoxedWarningEntry
        var orders: [String: [String]]
        var alwaysMandatory: [String]
    }

    public static let standard: SectionCatalogue = {
        do { return try SectionCatalogue(json: Data(PackageResources.sections_json)) } catch {
            fatalError("the bundled sections.json is broken: \(error)")
        }
    }()

    public init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        entries = file.sections
        boxedWarning = file.boxedWarning
        orders = file.orders
        alwaysMandatory = file.alwaysMandatory
    }

    public func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }
}
