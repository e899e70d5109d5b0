import Foundation

/// Every rule file of the parse, each read once: the bundled copies, or an expert's edited copy
/// of any of them in its place (`druglabel … --text-rules FILE`). A parser, and every stage it
/// composes, takes its rules from one of these.
public struct RuleSet: Sendable {
    /// The rule files a domain expert may edit, by their bundled names.
    public enum File: String, CaseIterable, Sendable {
        case sections = "sections.json"
        case formFields = "form-fields.json"
        case text = "text-rules.json"
        case tables = "tables.json"
        case dosing = "dosing.json"
        case metadata = "metadata.json"
    }

    public var catalogue: SectionCatalogue
    public var text: TextRules
    public var vocabulary: FormVocabulary
    public var tables: TableRules
    public var dosing: DosingRules
    public var metadata: MetadataRules

    public static let standard = RuleSet(catalogue: .standard, text: .standard, vocabulary: .standard, tables: .standard, dosing: .standard,
                                         metadata: .standard)

    public init(catalogue: SectionCatalogue, text: TextRules, vocabulary: FormVocabulary, tables: TableRules, dosing: DosingRules,
                metadata: MetadataRules = .standard) {
        self.catalogue = catalogue
        self.text = text
        self.vocabulary = vocabulary
        self.tables = tables
        self.dosing = dosing
        self.metadata = metadata
    }

    /// The bundled rules with each file of `edited` (its JSON bytes) in place of the bundled
    /// copy. Throws `RuleFileError` naming the file that cannot be read as rules.
    public init(edited: [File: [UInt8]]) throws {
        self = .standard
        for (file, bytes) in edited.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let json = Data(bytes)
            do {
                switch file {
                case .sections: catalogue = try SectionCatalogue(json: json)
                case .formFields: vocabulary = try FormVocabulary(json: json)
                case .text: text = try TextRules(json: json)
                case .tables: tables = try TableRules(json: json)
                case .dosing: dosing = try DosingRules(json: json)
                case .metadata: metadata = try MetadataRules(json: json)
                }
            } catch {
                throw RuleFileError(file: file, reason: "\(error)")
            }
        }
    }
}

/// A rule file that is not valid rules: which one, and what is wrong with it.
public struct RuleFileError: Error, CustomStringConvertible {
    public var file: RuleSet.File
    public var reason: String
    public var description: String { "not a valid \(file.rawValue): \(reason)" }
}
