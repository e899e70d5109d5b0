#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// Byte ranges of about `size` bytes that cover the buffer, each but the last ending just
    /// after a line feed: an ASCII byte that no multi-byte sequence holds, so a piece of valid
    /// UTF-8 is valid UTF-8, and no line (nor a CRLF) is cut. One range when no line feed
    /// follows the first `size` bytes.
    func linePieces(about size: Int) -> [Range<Int>] {
        let n = count
        guard let base = baseAddress, size > 0 else { return n > 0 ? [0..<n] : [] }
        var ranges: [Range<Int>] = []
        var start = 0
        while start < n {
            let target = start + size
            guard target < n, let hit = memchr(base + target, 0x0A, n - target) else { break }
            let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            ranges.append(start..<end)
            start = end
        }
        if start < n { ranges.append(start..<n) }
        return ranges
    }
}
