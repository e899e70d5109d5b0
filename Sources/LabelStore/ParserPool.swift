import DrugLabel
import Foundation

/// Parsers kept for `storedDocument(path:)`: one takes milliseconds to make (ICU transforms)
/// and serves one thread at a time.
final class ParserPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [LabelParser] = []

    func with<T>(_ body: (LabelParser) throws -> T) throws -> T {
        let parser = try lock.withLock { idle.popLast() } ?? LabelParser()
        defer { lock.withLock { if idle.count < 8 { idle.append(parser) } } }
        return try body(parser)
    }
}
