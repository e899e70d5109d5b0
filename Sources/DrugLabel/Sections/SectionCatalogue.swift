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

/// The catalogue folded for matching with one parser's `Folder`.
struct HeadingIndex {
    private var byHeading: [String: String] = [:]
    private var byQuotedName: [String: String] = [:]
    /// First characters of every folded heading: a line that starts otherwise is no heading.
    private(set) var openers: Set<Unicode.Scalar> = []
    let catalogue: SectionCatalogue

    init(catalogue: SectionCatalogue, folder: Folder) {
        self.catalogue = catalogue
        for entry in catalogue.entries {
            for heading in entry.headings {
                let folded = HeadingIndex.key(folder.fold(heading))
                byHeading[folded] = entry.key
                if let first = folded.unicodeScalars.first { openers.insert(first) }
            }
            for name in entry.quotedAs ?? [] { byQuotedName[folder.fold(name)] = entry.key }
        }
    }

    /// The catalogue key for a folded heading, with colons and brackets around it ignored.
    func key(forFoldedHeading folded: String) -> String? { byHeading[HeadingIndex.key(folded)] }

    func key(forFoldedFieldName folded: String) -> String? { byQuotedName[folded] }

    private static func key(_ folded: String) -> String {
        String(folded.unicodeScalars.filter { !":：·.、".unicodeScalars.contains($0) })
    }
}
