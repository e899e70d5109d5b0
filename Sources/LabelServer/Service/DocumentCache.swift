import DrugLabel
import Foundation

/// Parsed documents kept for the next request about the same label (a label page, then its
/// tables; a diff, then a validation), most recently used first, up to `budget` bytes of source
/// text: a parsed document takes about ten times its source, so a 100 MB label is parsed for
/// its request and not kept.
final class DocumentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(key: String, document: ParsedDocument)] = []
    let budget: Int

    init(budget: Int = 32 << 20) { self.budget = budget }

    /// Whether a document of this many source bytes is kept (and so worth parsing whole).
    func keeps(bytes: Int) -> Bool { bytes <= budget }

    func document(_ key: String, make: () throws -> ParsedDocument) rethrows -> ParsedDocument {
        if let hit = lock.withLock({ () -> ParsedDocument? in
            guard let i = items.firstIndex(where: { $0.key == key }) else { return nil }
            let item = items.remove(at: i)
            items.insert(item, at: 0)
            return item.document
        }) { return hit }
        let made = try make()
        guard keeps(bytes: made.label.source.bytes) else { return made }
        lock.withLock {
            items.removeAll { $0.key == key }
            items.insert((key, made), at: 0)
            var total = items.reduce(0) { $0 + $1.document.label.source.bytes }
            while total > budget, let last = items.popLast() { total -= last.document.label.source.bytes }
        }
        return made
    }
}
