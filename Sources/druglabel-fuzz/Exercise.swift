import DrugLabel
import Foundation

/// Everything a command does with one document, run on one input: parse (all kinds), JSON,
/// text outline, tables as grids and CSV, doses, validation, and the two comparisons against
/// the seed the input was made from. An input that only the parser survives is not enough:
/// the later steps index into what the parser produced.
struct Exercise {
    let parser: LabelParser
    let validator: LabelValidator
    let differ: LabelDiffer
    let checker: CrossChecker

    init() throws {
        parser = try LabelParser()
        validator = try LabelValidator()
        differ = try LabelDiffer()
        checker = try CrossChecker()
    }

    /// Runs every step (the comparisons when `against` is given: against a whole seed they cost
    /// ten parses of a small input, so the caller asks for them on some inputs only); an error thrown for a bad input is a fine answer (a document's error),
    /// only a trap or a hang is a failure, and those end the process.
    func run(_ input: [UInt8], against seed: ParsedDocument?) -> Bool {
        guard let document = try? parser.parseDocument(bytes: input, path: "fuzz.txt") else { return false }
        let label = document.label
        // `parse` streams the JSON, so a label whose JSON cannot be written (an infinite number)
        // would leave a broken array: that is a failure here, as a trap is.
        do { _ = try LabelJSON.encode(label) } catch { fatalError("the JSON of a parsed input cannot be written: \(error)") }
        _ = TextOutline.render(label)
        _ = TableCSV.render(label.tables)
        for table in label.tables { _ = TableGrid.render(table) }
        _ = DoseTable.rows(label.doses)
        _ = try? validator.validate(label, asOf: "2026-01-01")
        if let seed {
            _ = differ.diff(seed, document)
            _ = differ.diff(document, seed)
            _ = checker.check(document, against: seed)
            _ = checker.check(seed, against: document)
        }
        return true
    }
}
