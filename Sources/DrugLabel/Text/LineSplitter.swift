import Foundation

/// Splits decoded text into physical lines numbered as in the original file (LF, CRLF and CR
/// all end a line) and repairs each one.
///
/// The hot loop of normalization: it walks the UTF-8 bytes once, trims at the byte level, and
/// makes one String per line unless the line needs a repair.
struct LineSplitter: Sendable {
    let repairer: LineRepairer

    func split(_ text: String) -> [SourceLine] {
        // A native String shares its storage with this copy; withUTF8 only makes it contiguous.
        var storage = text
        return storage.withUTF8 { split(bytes: $0, text: text) }
    }

    private func split(bytes: UnsafeBufferPointer<UInt8>, text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        lines.reserveCapacity(bytes.count / 32)
        var number = 1
        var start = 0
        var i = 0
        let n = bytes.count
        guard let base = bytes.baseAddress, n > 0 else { return [] }
        if memchr(base, 0x0D, n) == nil {
            // LF only, the common case: let memchr find the line ends.
            while start < n, let hit = memchr(base + start, 0x0A, n - start) {
                let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                appendLines(&lines, bytes, text, start, end, number)
                number += 1
                start = end + 1
            }
            if start < n { appendLines(&lines, bytes, text, start, n, number) }
            return lines
        }
        while i < n {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                appendLines(&lines, bytes, text, start, i, number)
                number += 1
                i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < n { appendLines(&lines, bytes, text, start, n, number) }
        return lines
    }

    /// The line from `start` to `end`: one `SourceLine`, or several with the same number where
    /// HTML block tags cut it (a whole label saved on one line with `<br />` between its parts).
    private func appendLines(_ lines: inout [SourceLine], _ bytes: UnsafeBufferPointer<UInt8>, _ text: String,
                             _ start: Int, _ end: Int, _ number: Int) {
        var lo = start, hi = end
        while lo < hi, let w = LineSplitter.spaceWidth(bytes, at: lo, end: hi) { lo += w }
        while hi > lo, let w = LineSplitter.spaceWidthBefore(bytes, at: hi, start: lo) { hi -= w }
        let leadingSpace = lo > start
        let trailingSpace = hi < end && hi > lo
        let pageBreak = bytes[start..<lo].contains(0x0C)
        let slice = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
        let (needsRepair, width) = repairer.scan(slice)
        if !needsRepair {
            // Slicing the String copies bytes already known to be valid UTF-8: no re-validation.
            let utf8 = text.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: lo), to = utf8.index(utf8.startIndex, offsetBy: hi)
            lines.append(SourceLine(number: number, text: String(text[from..<to]), leadingSpace: leadingSpace, width: width,
                                    pageBreak: pageBreak, trailingSpace: trailingSpace))
            return
        }
        let pieces = repairer.repair(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        for (k, piece) in pieces.enumerated() {
            lines.append(SourceLine(number: number, text: piece.text, leadingSpace: k == 0 && leadingSpace, width: piece.width,
                                    pageBreak: k == 0 && pageBreak, trailingSpace: k == pieces.count - 1 && trailingSpace))
        }
    }

    /// Space, tab, form feed, U+00A0 and U+3000 at `i`: their byte length, or nil.
    static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        switch b[i] {
        case 0x20, 0x09, 0x0C: return 1
        case 0xC2 where i + 1 < end && b[i + 1] == 0xA0: return 2
        case 0xE3 where i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3
        default: return nil
        }
    }

    static func spaceWidthBefore(_ b: UnsafeBufferPointer<UInt8>, at i: Int, start: Int) -> Int? {
        switch b[i - 1] {
        case 0x20, 0x09, 0x0C: return 1
        case 0xA0 where i - 2 >= start && b[i - 2] == 0xC2: return 2
        case 0x80 where i - 3 >= start && b[i - 3] == 0xE3 && b[i - 2] == 0x80: return 3
        default: return nil
        }
    }
}
