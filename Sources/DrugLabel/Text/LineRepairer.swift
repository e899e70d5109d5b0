/// Repairs the artifacts of one line while keeping the document's own punctuation and numbers:
/// radical code points become the ideographs they stand for, bullet glyphs become one mark,
/// icon-font code points and control bytes are dropped, HTML markup is read (`HTMLMarkup`),
/// and `$2.0 \times 10^6$` loses its LaTeX markup.
struct LineRepairer: Sendable {
    let rules: TextRules

    /// The repaired, trimmed pieces of a line that `scan` sent to the slow path, with their
    /// widths: one piece, or several where HTML block tags cut the line. Pieces empty at either
    /// end (a `<br />` ending the line) are dropped; an empty line stays one empty piece.
    func repair(_ raw: UnsafeBufferPointer<UInt8>) -> [(text: String, width: Int)] {
        guard raw.contains(0x3C) || raw.contains(0x26) else { return [repairMath(raw)] }
        var out = rules.html.pieces(ofUTF8: raw).map { piece in piece.withUnsafeBufferPointer { repairMath($0) } }
        while out.count > 1, out.last?.text.isEmpty == true { out.removeLast() }
        while out.count > 1, out.first?.text.isEmpty == true { out.removeFirst() }
        return out
    }

    /// A piece with `$…$` LaTeX read first, then repaired.
    private func repairMath(_ raw: UnsafeBufferPointer<UInt8>) -> (text: String, width: Int) {
        var dollars = 0
        for b in raw where b == 0x24 { dollars += 1 }
        guard dollars >= 2 else { return repairPiece(raw) }
        var piece = LaTeXMath.strip(String(decoding: raw, as: UTF8.self))
        return piece.withUTF8 { repairPiece($0) }
    }

    private func repairPiece(_ raw: UnsafeBufferPointer<UInt8>) -> (text: String, width: Int) {
        let bytes = repairBytes(raw)
        return bytes.withUnsafeBufferPointer { out in
            var lo = 0, hi = out.count
            while lo < hi, let w = LineSplitter.spaceWidth(out, at: lo, end: hi) { lo += w }
            while hi > lo, let w = LineSplitter.spaceWidthBefore(out, at: hi, start: lo) { hi -= w }
            let trimmed = UnsafeBufferPointer(rebasing: out[lo..<hi])
            return (String(decoding: trimmed, as: UTF8.self), DisplayWidth.of(utf8: trimmed))
        }
    }

    /// One pass over a trimmed line's bytes: whether it needs the slow path, and its display
    /// width (wide characters count two) for the wrap joiner. Most lines need nothing, and
    /// full-width punctuation (U+FF0C …) is in nearly every line, so only the exact byte
    /// patterns of radicals, private use, U+FFFD, bullets, `<sup>` and `$…$` count.
    func scan(_ b: UnsafeBufferPointer<UInt8>) -> (needsRepair: Bool, width: Int) {
        LineRepairer.scan(b, bullets: rules.bulletPrefixes, leaders: rules.bulletLeaderScalars)
    }

    /// The byte scan and the width in one pass (this runs on every line of every document).
    static func scan(_ b: UnsafeBufferPointer<UInt8>, bullets: Set<UInt32>, leaders: Set<UInt32>) -> (needsRepair: Bool, width: Int) {
        let n = b.count
        var i = 0
        while i < n, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        // A line that starts with a leader of text-rules.json may be a bullet item (`* 注意`, `・ 注意`).
        if i < n, let (lead, _) = scalar(b, at: i), leaders.contains(lead) { return (true, 0) }
        var dollars = 0
        var width = i
        while i < n {
            let c = b[i]
            if c < 0x80 {
                // `<` and `&` may open HTML markup; control bytes (DEL included) are not text.
                if c == 0x3C || c == 0x26 || c == 0x7F || (c < 0x20 && c != 0x09) { return (true, 0) }
                if c == 0x24 { dollars += 1; if dollars == 2 { return (true, 0) } }
                width += 1
                i += 1
                continue
            }
            if c >= 0xE0 && c < 0xF0 && i + 2 < n {
                if c >= 0xE4 && c <= 0xE9 { width += 2; i += 3; continue }   // CJK ideographs
                if c == 0xEE { return (true, 0) }                             // U+E000–EFFF private use
                if c == 0xEF && (b[i + 1] < 0xA4 || (b[i + 1] == 0xBF && b[i + 2] == 0xBD)) { return (true, 0) } // U+F000–F8FF, U+FFFD
                if c == 0xE2 {
                    if b[i + 1] >= 0xBA { return (true, 0) }                  // U+2E80–2FFF radicals
                    // Bullets (•, ●, ▪ …) are three-byte sequences; Han text never gets here.
                    let key = UInt32(c) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2])
                    if bullets.contains(key) { return (true, 0) }
                }
                let v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                width += DisplayWidth.isWide(v) ? 2 : 1
                i += 3
                continue
            }
            if c == 0xC2, i + 1 < n, b[i + 1] < 0xA0 { return (true, 0) } // C1 controls U+0080–009F
            width += c >= 0xF0 ? 2 : 1
            i += c >= 0xF0 ? 4 : (c >= 0xC0 ? 2 : 1)
        }
        return (false, width)
    }

    /// The repair on UTF-8 bytes: ordinary characters are copied as bytes, and only radicals,
    /// private-use glyphs, U+FFFD and bullets are decoded and replaced.
    private func repairBytes(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 8)
        let n = b.count
        var i = 0
        while i < n, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        let firstNonSpace = i
        let mark = rules.bulletMark.utf8
        func spaceAt(_ k: Int) -> Bool {
            k >= n || b[k] == 0x20 || b[k] == 0x09 || (b[k] == 0xE3 && k + 2 < n && b[k + 1] == 0x80 && b[k + 2] == 0x80)
        }
        // Text that needs nothing is copied in runs, from `run` to where a character needs
        // something: copied a character at a time, it was most of repairing a web-saved line.
        var run = 0
        i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c == 0x7F || (c < 0x20 && c != 0x09) { // control bytes: not text
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    run = i + 1
                } else if i == firstNonSpace, rules.bulletLeaderScalars.contains(UInt32(c)), isLeaderBullet(b, i, length: 1) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    out.append(contentsOf: mark)
                    run = i + 1
                }
                i += 1
                continue
            }
            let length = c < 0xE0 ? 2 : (c < 0xF0 ? 3 : 4)
            guard i + length <= n else { break }
            var v: UInt32
            switch length {
            case 2: v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
            case 3: v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            default: v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
            }
            let ordinary = v < 0x2000 || (0x3000..<0xE000).contains(v) || (0xF900..<0xFFFD).contains(v) || v > 0xFFFF
            if ordinary, !(0x80...0x9F).contains(v),
               !(i == firstNonSpace && rules.bulletLeaderScalars.contains(v) && isLeaderBullet(b, i, length: length)) {
                i += length
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
            if (0x80...0x9F).contains(v) {
                // C1 controls: not text.
            } else if ordinary {
                out.append(contentsOf: mark) // a leader bullet
            } else {
                let spaceBefore = i == 0 || out.last == 0x20 || out.last == 0x09
                let spaceAfter = spaceAt(i + length)
                if v == 0xFFFD {
                    // Between spaces a lost bullet glyph; inside a word a lost character.
                    if spaceBefore && spaceAfter { out.append(contentsOf: mark) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + length)])) }
                } else if rules.bulletScalars.contains(v) {
                    out.append(contentsOf: mark)
                    if !spaceAfter { out.append(0x20) }
                } else if rules.privateUse.contains(v) {
                    // Icon-font glyph from a web page (download arrows, field markers): not text.
                    if spaceBefore && spaceAfter && i + length < n && b[i + length] == 0x20 { i += 1 }
                } else if let ideograph = rules.radical(v) {
                    LineRepairer.appendUTF8(ideograph.value, to: &out)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + length)]))
                }
            }
            i += length
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[min(run, n)..<n]))
        return out
    }

    /// `* text`, `o 核对`, `- text`, `· text`: a leader, a space, then a word, not a number
    /// (`- 12 -` is a page number, `- - 34 31` a table row).
    private func isLeaderBullet(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, length: Int) -> Bool {
        let leader = b[i]
        var j = i + length
        guard j < b.count, b[j] == 0x20 else { return false }
        while j < b.count, b[j] == 0x20 { j += 1 }
        guard j < b.count else { return false }
        let next = b[j]
        if (0x30...0x39).contains(next) || next == 0x2D || next == 0x2A { return false }
        // A letter leader (`o 核对`) is a bullet only before Han text: `o and`, `x 2` are words.
        if (0x41...0x5A).contains(leader) || (0x61...0x7A).contains(leader) { return next >= 0xE3 }
        return true
    }

    /// The scalar that starts at `i` and its length in bytes, or nil where the bytes there are not
    /// a whole UTF-8 sequence (the decoder has already replaced invalid ones; this guards the end).
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        let length = c < 0xE0 ? 2 : (c < 0xF0 ? 3 : 4)
        guard c >= 0xC0, i + length <= b.count else { return nil }
        var v = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        return (v, length)
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case ..<0x80: out.append(UInt8(v))
        case ..<0x800: out.append(contentsOf: [UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)])
        case ..<0x10000: out.append(contentsOf: [UInt8(0xE0 | v >> 12), UInt8(0x80 | (v >> 6) & 0x3F), UInt8(0x80 | v & 0x3F)])
        default: out.append(contentsOf: [UInt8(0xF0 | v >> 18), UInt8(0x80 | (v >> 12) & 0x3F), UInt8(0x80 | (v >> 6) & 0x3F), UInt8(0x80 | v & 0x3F)])
        }
    }
}
