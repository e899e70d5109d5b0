import DrugLabel

/// A paragraph's text as pieces of its source lines, so that the index need not keep the
/// text twice (it keeps the source): `line:from:to` per physical line the paragraph spans,
/// byte offsets in that line's UTF-8, comma-separated. Nearly every paragraph is its lines with
/// the heading, markup or indent cut off (99.8 % of labels-dev's paragraph text, 79 % of the
/// Corpus, whose application forms have markup inside lines); the others keep their text.
enum ParagraphCuts {
    /// The cuts that give back `text` from `lines`, one per line start; nil when a piece is
    /// not found verbatim in its line (then the text itself is stored).
    ///
    /// Made for every paragraph an index run writes (120,000 in 500 labels): it works on the
    /// text's UTF-8 and searches each line where it lies, rather than making scalar arrays, a
    /// String per piece and a copy of each line (that cost 5 % of an index run). The pieces
    /// run end to end from the text's first byte to its last, so what they give back is the
    /// text, and each later piece starts at its line start's offset: no reading back is needed.
    static func make(text: String, lineStarts: [SearchableText.LineStart], lines: RawLines) -> String? {
        guard let first = lineStarts.first, first.offset == 0 else { return nil }
        var text = text
        return text.withUTF8 { utf8 -> String? in
            var cuts: [UInt8] = []
            cuts.reserveCapacity(lineStarts.count * 12)
            // The byte where each line start's scalar is, found by one walk (offsets ascend).
            var scalar = 0, byte = 0
            func advance(to offset: Int) -> Bool {
                guard offset >= scalar else { return false }
                while scalar < offset {
                    guard byte < utf8.count else { return false }
                    byte += 1
                    while byte < utf8.count, utf8[byte] & 0xC0 == 0x80 { byte += 1 }
                    scalar += 1
                }
                return true
            }
            for (i, start) in lineStarts.enumerated() {
                let from = byte
                if i + 1 < lineStarts.count {
                    guard advance(to: lineStarts[i + 1].offset) else { return nil }
                } else {
                    byte = utf8.count
                }
                guard let line = lines.line(start.line) else { return nil }
                if i > 0 { cuts.append(UInt8(ascii: ",")) }
                let piece = UnsafeBufferPointer(rebasing: utf8[from..<byte])
                let at: Int
                if piece.isEmpty {
                    at = 0
                } else {
                    guard let found = KMP.find(piece, in: line) else { return nil }
                    at = found
                }
                ParagraphCuts.appendDecimal(start.line, to: &cuts)
                cuts.append(UInt8(ascii: ":"))
                ParagraphCuts.appendDecimal(at, to: &cuts)
                cuts.append(UInt8(ascii: ":"))
                ParagraphCuts.appendDecimal(at + piece.count, to: &cuts)
            }
            return String(decoding: cuts, as: UTF8.self)
        }
    }

    private static func appendDecimal(_ n: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        while divisor <= n / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    /// The text the cuts give in `lines`, and where its lines after the first start in it
    /// (`LineStarts`' `offset:line,…`, nil for one line): the cuts are one per line start, so
    /// the index keeps no line starts beside them.
    static func read(_ cuts: String, lines: RawLines) -> (text: String, lineStarts: String?)? {
        // Read for every paragraph of every hit: parsed by hand, without splitting into strings.
        var bytes: [UInt8] = []
        var starts = ""
        var scalars = 0
        var fields = [0, 0, 0]
        var field = 0, digits = 0, cut = 0
        func take() -> Bool {
            guard field == 2, digits > 0, let line = lines.line(fields[0]), fields[1] <= fields[2], fields[2] <= line.count else { return false }
            let piece = line[(line.startIndex + fields[1])..<(line.startIndex + fields[2])]
            if cut > 0 { starts += "\(starts.isEmpty ? "" : ",")\(scalars):\(fields[0])" }
            // Scalars are the bytes that do not continue one (10xxxxxx).
            for b in piece where b & 0xC0 != 0x80 { scalars += 1 }
            bytes.append(contentsOf: piece)
            cut += 1
            fields = [0, 0, 0]
            field = 0
            digits = 0
            return true
        }
        for b in cuts.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard fields[field] < Int.max / 10 - 9 else { return nil }
                fields[field] = fields[field] * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: ":"):
                guard digits > 0, field < 2 else { return nil }
                field += 1
                digits = 0
            case UInt8(ascii: ","):
                guard take() else { return nil }
            default:
                return nil
            }
        }
        guard take() else { return nil }
        // The pieces are whole characters of valid text, unless the index is damaged.
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return (text, starts.isEmpty ? nil : starts)
    }
}
