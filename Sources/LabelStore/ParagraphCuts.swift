import DrugLabel

/// A paragraph's text as pieces of its source lines, so that the index need not keep the
/// text twice (it keeps the source): `line:from:to` per physical line the paragraph spans,
/// byte offsets in that line's UTF-8, comma-separated. Nearly every paragraph is its lines with
/// the heading, markup or indent cut off (99.8 % of labels-dev's paragraph text, 79 % of the
/// Corpus, whose application forms have markup inside lines); the others keep their text.
enum ParagraphCuts {
    /// The cuts that give back `text` from `lines`, one per line start; nil when a piece is
    /// not found verbatim in its line (then the text itself is stored).
    static func make(text: String, lineStarts: [SearchableText.LineStart], lines: RawLines) -> String? {
        let scalars = Array(text.unicodeScalars)
        var cuts: [String] = []
        for (i, start) in lineStarts.enumerated() {
            let end = i + 1 < lineStarts.count ? lineStarts[i + 1].offset : scalars.count
            guard start.offset >= 0, start.offset <= end, end <= scalars.count, let line = lines.line(start.line) else { return nil }
            let piece = Array(String(String.UnicodeScalarView(scalars[start.offset..<end])).utf8)
            if piece.isEmpty {
                cuts.append("\(start.line):0:0")
                continue
            }
            guard let at = KMP.find(piece, in: Array(line)) else { return nil }
            cuts.append("\(start.line):\(at):\(at + piece.count)")
        }
        let joined = cuts.joined(separator: ",")
        // Kept only if they give the text and its line starts back exactly.
        let starts = lineStarts.count > 1 ? lineStarts.dropFirst().map { "\($0.offset):\($0.line)" }.joined(separator: ",") : nil
        guard !cuts.isEmpty, let back = read(joined, lines: lines), back.text == text, back.lineStarts == starts else { return nil }
        return joined
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
