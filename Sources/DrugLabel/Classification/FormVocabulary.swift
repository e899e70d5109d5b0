import Foundation

/// The field names of the forms that quote labels (Resources/form-fields.json), folded for
/// matching at the start of a line, inside a line, or across several lines.
public struct FormVocabulary: Sendable {
    public struct Entry: Sendable {
        public var name: String
        var folded: [Unicode.Scalar]
        public var numbered: Bool
        public var table: Bool
        var footnoteFirstItem: RegexLead?
    }

    public var entries: [Entry]
    /// The first two folded scalars of every name, to rule a line out before matching.
    private var openings: Set<[Unicode.Scalar]> = []
    var formHeadings: [RegexLead]
    /// This and the record names below in their `RuleFold` form: compared with folded text.
    var attachmentLabels: [String]
    var patentType: String, patentExpires: String
    var trialType: String, trialComparator: String, trialStage: String
    /// The evidence that tells a label, a form, slides and an article apart.
    var evidence: ClassifierEvidence

    /// form-fields.json's `classifier`: how many of each kind of evidence make each kind of
    /// document, and the words that say form or abstract (folded, `RuleFold`).
    struct ClassifierEvidence: Decodable, Sendable {
        var minimumLabelSections: Int
        var extraSectionsForBareLines: Int
        var minimumSlideHeadings: Int
        var minimumSlideFieldRows: Int
        var minimumFieldLines: Int
        var applicationWords: [String]
        var minimumArticleLines: Int
        var abstractWords: [String]
        var abstractWithinLines: Int
    }

    private struct File: Decodable {
        struct Field: Decodable {
            var name: String
            var numbered: Bool?
            var table: Bool?
            var footnoteFirstItem: String?
        }
        struct Patent: Decodable { var type: String; var expires: String }
        struct Trial: Decodable { var type: String; var comparator: String; var stage: String }
        var fields: [Field]
        var formHeadings: [String]
        var attachmentLabels: [String]
        var patent: Patent
        var trial: Trial
        var classifier: ClassifierEvidence
    }

    public static let standard: FormVocabulary = {
        do { return try FormVocabulary(json: Data(PackageResources.form_fields_json)) } catch {
            fatalError("the bundled form-fields.json is broken: \(error)")
        }
    }()

    public init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        entries = try file.fields.map {
            Entry(name: $0.name, folded: Array(TextFold.standard.fold($0.name).unicodeScalars),
                  numbered: $0.numbered ?? false, table: $0.table ?? false,
                  footnoteFirstItem: try $0.footnoteFirstItem.map { try RegexLead($0) })
        }
        // Longest first: `该通用名全球首个上市国家/地区` before `全球首个上市国家/地区`.
        entries.sort { $0.folded.count > $1.folded.count }
        openings = Set(entries.map { Array($0.folded.prefix(2)) })
        formHeadings = try file.formHeadings.map { try RegexLead($0) }
        attachmentLabels = file.attachmentLabels.map(RuleFold.fold)
        patentType = RuleFold.fold(file.patent.type)
        patentExpires = RuleFold.fold(file.patent.expires)
        trialType = RuleFold.fold(file.trial.type)
        trialComparator = RuleFold.fold(file.trial.comparator)
        trialStage = RuleFold.fold(file.trial.stage)
        evidence = file.classifier
        evidence.applicationWords = evidence.applicationWords.map(RuleFold.fold).filter { !$0.isEmpty }
        evidence.abstractWords = evidence.abstractWords.map(RuleFold.fold).filter { !$0.isEmpty }
    }

    func isFormHeading(_ line: SourceLine) -> Bool {
        // The form's own headings are short lines; values and prose are not tried.
        guard line.text.utf8.count <= 72 else { return false }
        return formHeadings.contains { $0.matches(folding: line.text) }
    }

    struct Match {
        var entry: Entry
        /// Position in the folded stream just after the name (and its number).
        var end: Int
        var number: String?
    }

    /// Whether some name could start this text: its first two folded scalars open a name.
    func mayStartName(_ text: String) -> Bool {
        var first: [Unicode.Scalar] = []
        for s in text.unicodeScalars {
            guard let f = TextFold.standard.scalar(s) else { continue }
            first.append(f)
            if first.count == 2 { break }
        }
        return openings.contains(first)
    }

    /// Whether `scalars` (a whole folded line) is the beginning of a longer name, so that the
    /// name may continue on the next line.
    func isPrefixOfName(_ scalars: [Unicode.Scalar]) -> Bool {
        entries.contains { $0.folded.count > scalars.count && $0.folded.starts(with: scalars) }
    }

    /// The longest name that starts at `position` of `stream` and ends at a boundary: white
    /// space, a colon, or the end of a line.
    func match(_ stream: FoldedText, at position: Int) -> Match? {
        for entry in entries {
            let name = entry.folded
            guard position + name.count <= stream.scalars.count else { continue }
            var ok = true
            for (k, s) in name.enumerated() where stream.scalars[position + k] != s { ok = false; break }
            guard ok else { continue }
            var end = position + name.count
            var number: String?
            if entry.numbered {
                var digits = ""
                // The number is attached to the name: `核心专利类型1 2029…` stops at the space.
                while end < stream.scalars.count, ("0"..."9").contains(stream.scalars[end]),
                      !stream.startsLine(end), digits.isEmpty || !stream.spaceBefore[end] {
                    digits.unicodeScalars.append(stream.scalars[end])
                    end += 1
                }
                number = digits.isEmpty ? nil : digits
            }
            if entry.table || stream.isBoundary(end) { return Match(entry: entry, end: end, number: number) }
        }
        return nil
    }
}
