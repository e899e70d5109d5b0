import Foundation

/// The data-driven rules of the table stage (Resources/tables.json): how a caption, a footnote
/// definition and a note start, which words are units and statistics, which headers mean
/// "all grades" and "grade 3 or worse".
///
/// Patterns run on a line's `RuleFold` form and words are compared folded, so that a rule
/// written once in Simplified reads a label in Traditional characters (`1 級`, `註：`) too;
/// what is kept (a caption, a footnote) is cut from the text as written.
public final class TableRules: Sendable {
    let caption: RegexLead
    /// The scalars a caption can start with (read from its pattern as `RegexLead` reads it),
    /// nil when any: every line of a section is asked, and almost none starts with `表`.
    private let captionLeads: ScalarSet?
    /// Folded.
    let captionRejectEndings: Set<Unicode.Scalar>
    let footnoteDefinition: RegexLead
    let gradeRow: RegexLead
    /// The last characters a grade row can end with (folded), to rule lines out before the
    /// pattern runs.
    let gradeRowEndings: Set<Unicode.Scalar>
    /// `（N=24）`, `(N = 170)`: an arm's size in a column header.
    let arm: RegexLead
    /// Folded.
    let noteLeads: [String]
    private let noteLeadLength: Int
    private let noteLeadOpenings: Set<Unicode.Scalar>
    /// First characters of the statistic words that are not ASCII (`中位值`, `范围`), to rule a
    /// position out before comparing words.
    let statisticOpenings: ScalarSet
    let missingValues: Set<String>
    let notEstimable: Set<String>
    let notAvailable: Set<String>
    /// The words of both sets as bytes, when all are ASCII (`NE`, `NR`, `NA`): for ASCII text,
    /// the sets' canonical comparison comes to comparing bytes, and every value asks.
    private let asciiNotANumber: [[UInt8]]?
    private let asciiNotEstimable: [[UInt8]]?
    private let asciiNotAvailable: [[UInt8]]?
    /// Folded unit and statistic words, longest first so `95%CI` wins over `%`.
    let units: [String]
    let statistics: [String]
    let rangeStatistics: [String]
    let allGradeHeaders: [String]
    let severeGradeHeaders: [String]

    private struct File: Decodable {
        var captionPattern: String
        var captionRejectEndings: String
        var footnoteDefinitionPattern: String
        var noteLeads: [String]
        var missingValues: [String]
        var notEstimable: [String]
        var notAvailable: [String]
        var units: [String]
        var statistics: [String]
        var rangeStatistics: [String]
        var gradeRowPattern: String
        var gradeRowEndings: [String]
        var armPattern: String
        var allGradeHeaders: [String]
        var severeGradeHeaders: [String]
    }

    public static let standard: TableRules = {
        do { return try TableRules(json: Data(PackageResources.tables_json)) } catch {
            fatalError("the bundled tables.json is broken: \(error)")
        }
    }()

    public init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        caption = try RegexLead(file.captionPattern)
        captionLeads = RegexLead.leads(of: RuleFold.pattern(file.captionPattern)).map { ScalarSet($0) }
        captionRejectEndings = Set(file.captionRejectEndings.unicodeScalars.map(RuleFold.fold))
        footnoteDefinition = try RegexLead(file.footnoteDefinitionPattern)
        gradeRow = try RegexLead(file.gradeRowPattern)
        gradeRowEndings = Set(file.gradeRowEndings.compactMap { $0.lastScalar.map(RuleFold.fold) })
        arm = try RegexLead(file.armPattern)
        let fold = { (words: [String]) in words.map { TextFold.standard.fold($0) }.sorted { $0.count > $1.count } }
        noteLeads = fold(file.noteLeads)
        noteLeadLength = noteLeads.map(\.unicodeScalars.count).max() ?? 0
        noteLeadOpenings = Set(noteLeads.compactMap(\.firstScalar))
        missingValues = Set(file.missingValues)
        notEstimable = Set(file.notEstimable)
        notAvailable = Set(file.notAvailable)
        let ascii = { (words: [String]) in words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? words.map { Array($0.utf8) } : nil }
        asciiNotANumber = ascii(file.notEstimable + file.notAvailable)
        asciiNotEstimable = ascii(file.notEstimable)
        asciiNotAvailable = ascii(file.notAvailable)
        units = fold(file.units)
        statistics = fold(file.statistics)
        statisticOpenings = ScalarSet(statistics.compactMap(\.firstScalar).filter { !$0.isASCII })
        rangeStatistics = fold(file.rangeStatistics)
        allGradeHeaders = fold(file.allGradeHeaders)
        severeGradeHeaders = fold(file.severeGradeHeaders)
    }

    /// The capture groups of `rule` matched on `line.folded`, cut from `line.text` (the same
    /// offsets), or nil when it does not match.
    static func groups(_ rule: RegexLead, _ line: SourceLine) -> [String?]? {
        guard let m = rule.firstMatch(folding: line.text) else { return nil }
        return (1..<m.numberOfRanges).map { i in
            Range(m.range(at: i), in: line.text).map { String(line.text[$0]) }
        }
    }

    /// False for a line the caption pattern cannot match, by its first scalar.
    func mayBeCaption(_ line: SourceLine) -> Bool {
        guard let captionLeads else { return true }
        // The fold goes scalar for scalar: the folded line's first is the first folded.
        return line.text.firstScalar.map { captionLeads.contains(RuleFold.fold($0)) } ?? false
    }

    func isNote(_ text: String) -> Bool {
        guard let first = text.firstScalar.flatMap(TextFold.standard.scalar), noteLeadOpenings.contains(first) else { return false }
        // Leads are short: fold only the start of the line.
        let folded = TextFold.standard.fold(String(text.unicodeScalars.prefix(noteLeadLength + 4)))
        return noteLeads.contains { folded.hasBytePrefix($0) }
    }

    /// How many scalars of a line `footnoteOpening` reads: a longer text that opens with the
    /// same ones has the same opening.
    static let footnoteHead = 24

    /// The marks of a footnote definition and the scalar offset where its text starts, read
    /// from the first `footnoteHead` scalars of `text`: `a. 疲劳包括疲劳、难受。` → (["a"], 3),
    /// `#各类检查：…` → (["#"], 1).
    func footnoteOpening(_ text: String) -> (marks: [String], offset: Int)? {
        // `a. …`, `a,b. …`, `#…`: ruled in or out on two scalars before the pattern runs.
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next().map(RuleFold.fold) else { return nil }
        if first != "#" {
            guard ("a"..."z").contains(first), let second = scalars.next().map(RuleFold.fold),
                  ".、, ".unicodeScalars.contains(second) else { return nil }
        }
        // The pattern runs on the opening only (marks are short); the text is the rest of the
        // line from where the pattern's last group starts. Bridging a long footnote to
        // NSString for the pattern cost more than all the rest of the trailer.
        let head = String(text.unicodeScalars.prefix(TableRules.footnoteHead))
        guard let m = footnoteDefinition.firstMatch(folded: RuleFold.fold(head)),
              let bodyRange = Range(m.range(at: 3), in: head) else { return nil }
        let offset = head.unicodeScalars.distance(from: head.startIndex, to: bodyRange.lowerBound)
        if let r = Range(m.range(at: 1), in: head) {
            let marks = head[r].split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingSpaces() }
            return (marks, offset)
        }
        if let r = Range(m.range(at: 2), in: head) { return ([String(head[r])], offset) }
        return nil
    }

    /// Each `（N=…）` in `text`: the range it covers and the number (read from the fold, where
    /// digits are ASCII).
    func arms(in text: String) -> [(range: Range<String.Index>, n: Int)] {
        let folded = RuleFold.fold(text)
        return arm.regex.matches(in: folded, range: NSRange(folded.startIndex..., in: folded)).compactMap { m in
            guard let r = Range(m.range, in: text), let nr = Range(m.range(at: 1), in: folded), let n = Int(folded[nr]) else { return nil }
            return (r, n)
        }
    }

    /// `-`, `－`: set lookups hash the whole string, so rule out longer text first.
    func isMissing(_ text: String) -> Bool {
        text.utf8.count <= 3 && text.unicodeScalars.count == 1 && missingValues.contains(text)
    }

    /// `notEstimable.contains(text)`, by bytes where that gives the same answer: ASCII text
    /// against ASCII words (other text may equal a word canonically, and is asked of the set).
    func isNotEstimable(_ text: String) -> Bool {
        TableRules.contains(notEstimable, asciiNotEstimable, text)
    }

    /// `notAvailable.contains(text)`, as `isNotEstimable`.
    func isNotAvailable(_ text: String) -> Bool {
        TableRules.contains(notAvailable, asciiNotAvailable, text)
    }

    private static func contains(_ set: Set<String>, _ ascii: [[UInt8]]?, _ text: String) -> Bool {
        guard let ascii, text.utf8.allSatisfy({ $0 < 0x80 }) else { return set.contains(text) }
        return ascii.contains { $0.elementsEqual(text.utf8) }
    }

    /// `NE`, `NA`, `NR`: short ASCII words.
    func isNotANumber(_ text: String) -> Bool {
        guard text.utf8.count <= 4, text.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        if let asciiNotANumber { return asciiNotANumber.contains { $0.elementsEqual(text.utf8) } }
        return notEstimable.contains(text) || notAvailable.contains(text)
    }

    /// `1 级`, and `1 級` as a Traditional label writes it.
    func isGradeRow(_ line: SourceLine) -> Bool {
        // The last scalar first, on the line as written: most lines are ruled out unfolded.
        guard line.text.lastScalar.map({ gradeRowEndings.contains(RuleFold.fold($0)) }) == true else { return false }
        let text = line.folded
        return text.utf8.count <= 12 && gradeRow.matches(folded: text)
    }
}
