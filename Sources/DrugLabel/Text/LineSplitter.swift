import Foundation

/// Splits decoded text into physical lines numbered as in the original file (LF, CRLF and CR
/// all end a line) and repairs each one.
///
/// The hot loop of normalization: it walks the UTF-8 bytes once, trims at the byte level, and
/// makes one String per line unless the line needs a repair.
struct LineSplitter: Sendable {
    let repairer: LineRepairer

    /// Text of at least this many bytes is split in pieces on all cores (each line is read on
    /// its own); below it, starting threads costs more than it saves.
    static let bytesForPieces = 1 << 20

    func split(_ text: String) -> [SourceLine] {
        // A native String shares its storage with this copy; withUTF8 only makes it contiguous.
        var storage = text
        return storage.withUTF8 { split(utf8: $0) }
    }

    /// The lines of valid UTF-8.
    func split(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [SourceLine] {
        let pieces = LineSplitter.pieces(bytes)
        guard pieces.count > 1 else { return split(bytes: bytes, from: 0, to: bytes.count).lines }
        // Each piece ends just after a line feed, so no line and no CRLF is cut, and a
        // piece's lines are numbered from 1: the pieces before it give the offset.
        var found = pieces.orderedConcurrentMap { split(bytes: bytes, from: $0.lowerBound, to: $0.upperBound) }
        return LineSplitter.joined(&found)
    }

    /// The pieces' lines in one array, renumbered. Moved, not copied: a copy retains two
    /// strings per line, and a large file has millions of lines. Each piece is left holding
    /// blank lines in their place, which hold no strings to release. The pieces are moved on
    /// all cores, each into its own place: one core moving them all, and faulting in the
    /// pages of the array they fill, was a tenth of a second of a 50 MB label's parse.
    private static func joined(_ found: inout [(lines: [SourceLine], ends: Int)]) -> [SourceLine] {
        var starts: [(index: Int, number: Int)] = []
        var total = 0, offset = 0
        for piece in found {
            starts.append((total, offset))
            total += piece.lines.count
            offset += piece.ends
        }
        let firsts = starts
        let blank = SourceLine(number: 0, text: "")
        return [SourceLine](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            found.withUnsafeMutableBufferPointer { pieces in
                // Each iteration moves one piece into its own range of the buffer.
                nonisolated(unsafe) let pieces = pieces
                nonisolated(unsafe) let base = base
                DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
                    pieces[k].lines.withUnsafeMutableBufferPointer { piece in
                        guard let from = piece.baseAddress else { return }
                        let to = base.advanced(by: firsts[k].index)
                        to.moveInitialize(from: from, count: piece.count)
                        from.initialize(repeating: blank, count: piece.count)
                        for j in 0..<piece.count { to[j].number += firsts[k].number }
                    }
                    // The blanks are let go here, on all cores: left to the end, the piece
                    // arrays were freed line by line on one core (20 ms of a 50 MB parse).
                    pieces[k].lines = []
                }
            }
            initialized = total
        }
    }

    /// Byte ranges of about 1 MB, each but the last ending just after a line feed.
    private static func pieces(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard bytes.count >= 2 * bytesForPieces else { return [0..<bytes.count] }
        return bytes.linePieces(about: bytesForPieces)
    }

    /// The lines of bytes `from..<to`, numbered from 1, and how many line ends the range holds.
    private func split(bytes: UnsafeBufferPointer<UInt8>, from: Int, to n: Int) -> (lines: [SourceLine], ends: Int) {
        guard let base = bytes.baseAddress, n > from else { return ([], 0) }
        // Room for every line at once: grown by doubling, a large piece's array was copied and
        // its pages faulted in again (a tenth of a 50 MB parse's fresh memory). A repair that
        // cuts a line in several may still grow it.
        var lines: [SourceLine] = []
        lines.reserveCapacity(LineSplitter.lineEnds(UnsafeBufferPointer(rebasing: bytes[from..<n])) + 1)
        var number = 1
        var start = from
        var i = from
        if memchr(base + from, 0x0D, n - from) == nil {
            // LF only, the common case: let memchr find the line ends.
            while start < n, let hit = memchr(base + start, 0x0A, n - start) {
                let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                appendLines(&lines, bytes, start, end, number)
                number += 1
                start = end + 1
            }
            if start < n { appendLines(&lines, bytes, start, n, number) }
            return (lines, number - 1)
        }
        while i < n {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                appendLines(&lines, bytes, start, i, number)
                number += 1
                i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < n { appendLines(&lines, bytes, start, n, number) }
        return (lines, number - 1)
    }

    /// How many LF and CR bytes `bytes` holds: no line has more ends than these.
    static func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for b in bytes where b == 0x0A || b == 0x0D { count += 1 }
        return count
    }

    /// The line from `start` to `end`: one `SourceLine`, or several with the same number where
    /// HTML block tags cut it (a whole label saved on one line with `<br />` between its parts).
    private func appendLines(_ lines: inout [SourceLine], _ bytes: UnsafeBufferPointer<UInt8>,
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
            // The bytes were validated when the file was decoded, and the line is cut at an
            // ASCII line end and trimmed by whole scalars: copied as they are, not validated
            // again. Slicing the decoded String did the same but retained and released it for
            // every line, from every core at once (1.6% of a 50 MB label's parse).
            let line = String(copying: UTF8Span(unchecked: slice.span))
            lines.append(SourceLine(number: number, text: line, leadingSpace: leadingSpace, width: width,
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
