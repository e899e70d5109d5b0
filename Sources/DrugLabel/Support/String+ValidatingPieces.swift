#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Bytes of at least this many are validated in pieces on all cores.
    static let bytesForValidatingPieces = 4 << 20

    /// `String(validating: bytes, as: UTF8.self)`, the validation shared among the cores for a
    /// large file: it was a tenth of a second of a 50 MB label's parse with one core idle, before
    /// anything else could start. Each piece but the last ends just after a line feed, an ASCII
    /// byte that no multi-byte sequence holds, so the bytes are valid exactly when every piece is.
    init?(validatingInPieces bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n >= String.bytesForValidatingPieces, let base = bytes.baseAddress else {
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            self = text
            return
        }
        let target = Swift.max(1 << 20, n / 8)
        var pieces: [Range<Int>] = []
        var start = 0
        while start < n {
            let cut = start + target
            guard cut < n, let hit = memchr(base + cut, 0x0A, n - cut) else { break }
            let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            pieces.append(start..<end)
            start = end
        }
        if start < n { pieces.append(start..<n) }
        let valid = pieces.orderedConcurrentMap { r in
            (try? UTF8Span(validating: UnsafeBufferPointer(rebasing: bytes[r]).span)) != nil
        }
        guard !valid.contains(false) else { return nil }
        self = String(copying: UTF8Span(unchecked: bytes.span))
    }
}
