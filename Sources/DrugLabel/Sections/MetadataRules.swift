import Foundation

/// How a document's metadata is read (Resources/metadata.json): the form fields that give it,
/// the title, the revision and approval dates, approval numbers (read and held to their valid
/// forms: one place for the reader and the validator), storage temperatures and shelf life.
///
/// Words and patterns are the rules' data; the shape of what is read (a number, then a unit) is
/// the code's. Like every rule file's, they are matched on the text's `RuleFold` form (title
/// and field names on the parser's `TextFold` form), so that a word written once in Simplified
/// holds for a label in Traditional characters.
public struct MetadataRules: Sendable {
    /// Form field names (applications, slides), in their `TextFold` form.
    struct FormFields: Sendable {
        var genericNameStarts: [String]
        var genericNameIs: [String]
        var holderStarts: [String]
        var approvalNumberContains: [String]
    }

    /// The title line before the sections (`阿莫西林胶囊说明书`), in `TextFold` form.
    struct Title: Sendable {
        /// Longest first: the name is the title without the longest that ends it.
        var endings: [String]
        var maxLength: Int
        var notWords: [String]
    }

    struct Dates: Sendable {
        /// Year, month and day (groups 1, 2, 3).
        var date: RegexLead
        /// `第四次修改日期：…`: the ordinal (group 1), then the date (2, 3, 4).
        var revision: RegexLead
        /// `核准日期：…`: the date (1, 2, 3).
        var approval: RegexLead
        /// Folded: a heading that holds one of these names the approval date.
        var approvalWords: [String]
        /// Folded: only lines that hold one of these are read for dates.
        var dateWords: [String]
    }

    struct ApprovalNumbers: Sendable {
        /// A prefix (group 1, optional) and the code (group 2).
        var number: RegexLead
        /// Folded: the prefix kept in the number as read (`国药准字S20210019`).
        var keptPrefix: String
        var valid: [RegexLead]
        var validNote: String
    }

    struct Temperature: Sendable {
        /// Low (sign group 1, number 2), high (sign 3, number 4).
        var range: RegexLead
        /// Word before (1), sign (2), number (3), word after (4).
        var single: RegexLead
        /// Folded: the words before or after a temperature that make it a lower limit.
        var atLeastBefore: Set<String>
        var atLeastAfter: Set<String>
    }

    var formFields: FormFields
    var title: Title
    var dates: Dates
    var approvalNumbers: ApprovalNumbers
    var temperature: Temperature
    /// Folded unit (longest first) and the months it stands for (`年` 12).
    var shelfLifeUnits: [(unit: String, months: Int)]
    var shelfLife: RegexLead

    private struct File: Decodable {
        struct FormFields: Decodable {
            var genericNameStarts: [String]
            var genericNameIs: [String]
            var holderStarts: [String]
            var approvalNumberContains: [String]
        }
        struct Title: Decodable { var endings: [String]; var maxLength: Int; var notWords: [String] }
        struct Dates: Decodable {
            var datePattern: String
            var ordinalPattern: String
            var revisionWords: [String]
            var approvalWords: [String]
            var dateWords: [String]
        }
        struct ApprovalNumbers: Decodable {
            var prefixes: [String]
            var keptPrefix: String
            var codePattern: String
            var validPatterns: [String]
            var validNote: String
        }
        struct Temperature: Decodable {
            var belowZeroWords: [String]
            var units: [String]
            var rangeMarks: [String]
            var atMostBefore: [String]
            var atLeastBefore: [String]
            var atLeastAfter: [String]
        }
        struct ShelfLife: Decodable { var units: [String: Int] }
        var formFields: FormFields
        var title: Title
        var dates: Dates
        var approvalNumbers: ApprovalNumbers
        var temperature: Temperature
        var shelfLife: ShelfLife
    }

    /// A pattern of the file that does not have the capture groups the code reads.
    public struct PatternError: Error, CustomStringConvertible {
        public var key: String
        public var groups: Int
        public var description: String { "\(key) must have exactly \(groups) capture group(s)" }
    }

    public static let standard: MetadataRules = {
        do { return try MetadataRules(json: Data(PackageResources.metadata_json)) } catch {
            fatalError("the bundled metadata.json is broken: \(error)")
        }
    }()

    public init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        let textFold = { (words: [String]) in words.map { TextFold.standard.fold($0) }.filter { !$0.isEmpty } }
        formFields = FormFields(genericNameStarts: textFold(file.formFields.genericNameStarts),
                                genericNameIs: textFold(file.formFields.genericNameIs),
                                holderStarts: textFold(file.formFields.holderStarts),
                                approvalNumberContains: textFold(file.formFields.approvalNumberContains))
        title = Title(endings: textFold(file.title.endings).sorted { $0.unicodeScalars.count > $1.unicodeScalars.count },
                      maxLength: file.title.maxLength, notWords: textFold(file.title.notWords))

        let d = file.dates
        try MetadataRules.require(d.datePattern, groups: 3, key: "dates.datePattern")
        try MetadataRules.require(d.ordinalPattern, groups: 1, key: "dates.ordinalPattern")
        let dateWords = MetadataRules.alternatives(d.dateWords)
        let colon = #"\s*[:：]?\s*"#
        // Each pattern in a group of its own, so that one with alternatives stays whole.
        let date = "(?:" + d.datePattern + ")"
        dates = Dates(
            date: try RegexLead(d.datePattern),
            revision: try RegexLead("(?:(?:" + d.ordinalPattern + #")\s*)?"# + MetadataRules.alternatives(d.revisionWords)
                                    + dateWords + colon + date),
            approval: try RegexLead(MetadataRules.alternatives(d.approvalWords) + dateWords + colon + date),
            approvalWords: d.approvalWords.map(RuleFold.fold).filter { !$0.isEmpty },
            dateWords: d.dateWords.map(RuleFold.fold).filter { !$0.isEmpty })

        let a = file.approvalNumbers
        approvalNumbers = ApprovalNumbers(
            number: try RegexLead("(" + MetadataRules.alternatives(a.prefixes, group: false) + ")?" + colon + "(" + a.codePattern + ")"),
            keptPrefix: RuleFold.fold(a.keptPrefix),
            valid: try a.validPatterns.map { try RegexLead($0) },
            validNote: a.validNote)

        let t = file.temperature
        let number = "(" + MetadataRules.alternatives(t.belowZeroWords, group: false) + #")?\s*(\d+(?:\.\d+)?)"#
        let unit = #"\s*"# + MetadataRules.alternatives(t.units)
        temperature = Temperature(
            range: try RegexLead(number + "(?:" + unit + ")?" + #"\s*"# + MetadataRules.alternatives(t.rangeMarks) + #"\s*"# + number + unit),
            single: try RegexLead("(" + MetadataRules.alternatives(t.atMostBefore + t.atLeastBefore, group: false) + #")?\s*"#
                                  + number + unit + #"\s*("# + MetadataRules.alternatives(t.atLeastAfter, group: false) + ")?"),
            atLeastBefore: Set(t.atLeastBefore.map(RuleFold.fold)),
            atLeastAfter: Set(t.atLeastAfter.map(RuleFold.fold)))

        shelfLifeUnits = file.shelfLife.units.map { (unit: RuleFold.fold($0.key), months: $0.value) }
            .sorted { ($0.unit.unicodeScalars.count, $1.unit) > ($1.unit.unicodeScalars.count, $0.unit) }
        shelfLife = try RegexLead(#"(\d+)\s*"# + "(" + MetadataRules.alternatives(shelfLifeUnits.map(\.unit), group: false) + ")")
    }

    /// Words as the alternatives of a regular expression: folded, literal, longest first (so a
    /// word that holds another is tried before it), in a non-capturing group unless `group` is
    /// false (the caller's group holds them). No words match nothing (`(?!)`), not everything.
    static func alternatives(_ words: [String], group: Bool = true) -> String {
        var seen = Set<String>()
        let folded = words.map(RuleFold.fold).filter { !$0.isEmpty && seen.insert($0).inserted }
        let sorted = folded.enumerated().sorted {
            ($0.element.unicodeScalars.count, -$0.offset) > ($1.element.unicodeScalars.count, -$1.offset)
        }.map(\.element)
        let joined = sorted.isEmpty ? "(?!)" : sorted.map(literal).joined(separator: "|")
        return group ? "(?:" + joined + ")" : joined
    }

    /// `text` as a regular expression that matches it literally: ASCII punctuation escaped.
    static func literal(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if s.isASCII, !s.properties.isAlphabetic, !("0"..."9").contains(s), s != " " { out += "\\" }
            out.unicodeScalars.append(s)
        }
        return out
    }

    private static func require(_ pattern: String, groups: Int, key: String) throws {
        guard try NSRegularExpression(pattern: RuleFold.pattern(pattern)).numberOfCaptureGroups == groups else {
            throw PatternError(key: key, groups: groups)
        }
    }
}

extension MetadataRules {
    /// Whether an approval number as read is of one of the valid forms.
    func isValidApprovalNumber(_ number: String) -> Bool {
        let folded = RuleFold.fold(number)
        return approvalNumbers.valid.contains { $0.matches(folded: folded) }
    }

    /// What a valid approval number looks like, for the validator's messages.
    var approvalNumberNote: String { approvalNumbers.validNote }

    /// The prefix a number keeps when read, for the letter after it (`国药准字Z…`).
    var approvalNumberPrefix: String { approvalNumbers.keptPrefix }
}
