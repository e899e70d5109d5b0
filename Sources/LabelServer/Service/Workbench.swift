import DrugLabel
import Foundation

/// The tools one request works with. They keep ICU state and are not thread-safe, so each
/// request borrows a whole bench from the `WorkbenchPool` and gives it back.
final class Workbench {
    let parser: LabelParser
    private var differ: LabelDiffer?
    private var validator: LabelValidator?

    init() throws { parser = try LabelParser() }

    func labelDiffer() throws -> LabelDiffer {
        if let differ { return differ }
        let made = try LabelDiffer()
        differ = made
        return made
    }

    func labelValidator() throws -> LabelValidator {
        if let validator { return validator }
        let made = try LabelValidator(rules: .standard, catalogue: parser.catalogue, tableRules: parser.tableRules,
                                      dosingRules: parser.dosingRules)
        validator = made
        return made
    }
}

/// Benches made on demand and kept for the next request: as many as requests ever ran at once.
final class WorkbenchPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Workbench] = []

    func with<T>(_ body: (Workbench) throws -> T) throws -> T {
        let bench = try lock.withLock { idle.popLast() } ?? Workbench()
        defer { lock.withLock { idle.append(bench) } }
        return try body(bench)
    }
}
