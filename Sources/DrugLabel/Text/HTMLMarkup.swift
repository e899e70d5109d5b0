/// HTML left in a text file by the web page or database it was saved from (`<br />`,
/// `<span …>【禁忌】</span>`, `10<sup>6</sup>`, `&nbsp;`). Only the tags and entities that
/// text-rules.json lists are markup: any other `<` is text (`<30ml/min`, `P<0.0001`).
///
/// Written by hand rather than with libxml2's HTML parser: a line of a label is not a document,
/// and a parser would take `<30ml/min` for a broken tag and repair it away.
public struct HTMLMarkup: Sendable, Hashable {
    public var blockTags: Set<String>
    public var cellTags: Set<String>
    public var inlineTags: Set<String>
    public var superscriptTag: String
    /// Entity names (without `&` and `;`) and their text.
    public var entities: [String: String]

    public init(blockTags: Set<String>, cellTags: Set<String>, inlineTags: Set<String>, superscriptTag: String,
                entities: [String: String]) {
        self.blockTags = blockTags
        self.cellTags = cellTags
        self.inlineTags = inlineTags
        self.superscriptTag = superscriptTag
        self.entities = entities
    }

    /// The markup of the rules shipped with the package.
    public static var standard: HTMLMarkup { TextRules.standard.html }

    /// `⁰`…`⁹` as UTF-8.
    private static let superscriptDigits: [[UInt8]] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"].map { Array($0.utf8) }
    private static let superscriptMinus = Array("⁻".utf8)

    /// The text of one physical line, cut where a block tag stood. A row of tab-separated cells
    /// whose cells hold block markup is a table of slides exported to Markdown: its cells are
    /// read as HTML one by one (`SlideTableReader`), so only its citation marks go here.
    public func pieces(of line: String) -> [String] {
        var line = line
        return line.withUTF8 { pieces(ofUTF8: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// `pieces(of:)` on a line's UTF-8, each piece as UTF-8. Read on bytes: every tag and entity
    /// is ASCII, so the text between them is copied in runs (UTF-8 never has an ASCII byte inside
    /// a wider character); on scalars, copying a label saved as HTML one scalar at a time was
    /// 7% of a labels-dev parse.
    func pieces(ofUTF8 s: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        var run = 0
        var sawTab = false
        var cellRow = false
        while i < s.count {
            let c = s[i]
            if c == 0x09 { sawTab = true }
            guard c == 0x3C || c == 0x26 else { i += 1; continue }
            current.append(contentsOf: s[run..<i])
            run = i
            if c == 0x3C, let tag = tag(s, at: i) {
                if tag.name == superscriptTag {
                    i = superscript(s, tag: tag, into: &current)
                } else {
                    if blockTags.contains(tag.name) {
                        if sawTab, !HTMLMarkup.isBlank(current) { cellRow = true }
                        pieces.append(current)
                        current = []
                    } else if cellTags.contains(tag.name), !tag.closing, !HTMLMarkup.isBlank(current) {
                        HTMLMarkup.dropTrailingSpace(&current)
                        current.append(contentsOf: " | ".utf8)
                    }
                    i = tag.end
                }
                run = i
            } else if c == 0x26, let (text, end) = entity(s, at: i) {
                current.append(contentsOf: text)
                i = end
                run = i
            } else {
                i += 1
            }
        }
        current.append(contentsOf: s[run..<s.count])
        pieces.append(current)
        if cellRow, pieces.dropFirst().contains(where: { !HTMLMarkup.isBlank($0) }) {
            return [citationsDropped(s)]
        }
        return pieces
    }

    /// Plain text of an HTML fragment (a table cell of slides): block tags become line breaks,
    /// empty lines go.
    public func plainText(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        var html = html
        let out: [UInt8] = html.withUTF8 { s in
            var out: [UInt8] = []
            var i = 0
            while i < s.count {
                if s[i] == 0x3C, let tag = tag(s, at: i) {
                    if tag.name == superscriptTag { i = superscript(s, tag: tag, into: &out); continue }
                    if blockTags.contains(tag.name) { out.append(0x0A) }
                    i = tag.end
                } else if s[i] == 0x26, let (text, end) = entity(s, at: i) {
                    out.append(contentsOf: text)
                    i = end
                } else {
                    out.append(s[i])
                    i += 1
                }
            }
            return out
        }
        return String(decoding: out, as: UTF8.self).split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// The line with only its `<sup>` marks read.
    private func citationsDropped(_ s: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < s.count {
            if s[i] == 0x3C, let tag = tag(s, at: i), tag.name == superscriptTag {
                i = superscript(s, tag: tag, into: &out)
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    struct Tag {
        var name: String
        var closing: Bool
        /// One past the `>` (a byte offset).
        var end: Int
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    private static func isHexDigit(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66)
    }

    /// A listed tag at byte `i` (`<br />`, `</p>`, `<span style="…">`), or nil.
    func tag(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Tag? {
        var j = i + 1
        guard j < s.count else { return nil }
        var closing = false
        if s[j] == 0x2F { closing = true; j += 1 }
        let nameStart = j
        while j < s.count, HTMLMarkup.isNameByte(s[j]) || s[j] == 0x3A {
            j += 1
            if j - nameStart > 12 { return nil }
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: s[nameStart..<j]), as: UTF8.self).lowercased()
        guard !name.isEmpty, j < s.count,
              name == superscriptTag || blockTags.contains(name) || cellTags.contains(name) || inlineTags.contains(name)
        else { return nil }
        // Attributes run to the `>` within 600 characters, on the same line and without another `<`.
        guard s[j] == 0x3E || s[j] == 0x2F || s[j] == 0x20 || s[j] == 0x09 else { return nil }
        var characters = 0
        while j < s.count, characters < 600, s[j] != 0x3E {
            if s[j] == 0x3C { return nil }
            j += s[j] < 0x80 ? 1 : s[j] < 0xE0 ? 2 : s[j] < 0xF0 ? 3 : 4
            characters += 1
        }
        guard j < s.count, characters < 600 else { return nil }
        return Tag(name: name, closing: closing, end: j + 1)
    }

    /// `&nbsp;`, `&lt;`, `&#20320;`, `&#x4F60;` at byte `i`: its text's UTF-8 and where it ends.
    func entity(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> ([UInt8], Int)? {
        var j = i + 1
        guard j < s.count else { return nil }
        if s[j] == 0x23 {
            j += 1
            var hex = false
            if j < s.count, s[j] == 0x78 || s[j] == 0x58 { hex = true; j += 1 }
            let digitsStart = j
            while j < s.count, j - digitsStart < 8, HTMLMarkup.isHexDigit(s[j]) {
                j += 1
            }
            let digits = String(decoding: UnsafeBufferPointer(rebasing: s[digitsStart..<j]), as: UTF8.self)
            guard !digits.isEmpty, j < s.count, s[j] == 0x3B, let v = UInt32(digits, radix: hex ? 16 : 10),
                  let scalar = Unicode.Scalar(v) else { return nil }
            // A control character written as an entity is no more text than a raw one.
            if v < 0x20 || (0x7F...0x9F).contains(v) { return ([], j + 1) }
            return (Array(String(scalar).utf8), j + 1)
        }
        let nameStart = j
        while j < s.count, j - nameStart < 10, HTMLMarkup.isNameByte(s[j]) { j += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: s[nameStart..<j]), as: UTF8.self)
        guard let text = entities[name] ?? entities[name.lowercased()] else { return nil }
        if j < s.count, s[j] == 0x3B { return (Array(text.utf8), j + 1) }
        // `&nbsp` without its semicolon is common in scraped text; other names need theirs.
        return name.lowercased() == "nbsp" ? (Array(text.utf8), j) : nil
    }

    /// Reads `<sup>…</sup>` from `tag` on and returns where reading goes on. After a number the
    /// content is an exponent (`10<sup>6</sup>` → `10⁶`), after a Latin unit letter a power
    /// (`m<sup>2</sup>` → `m²`); elsewhere a citation mark, dropped with its content, and with
    /// the space that attached it (`名称 <sup>2</sup>`).
    private func superscript(_ s: UnsafeBufferPointer<UInt8>, tag: Tag, into out: inout [UInt8]) -> Int {
        guard !tag.closing else { return tag.end }
        var k = tag.end
        var closeStart: Int?
        var closeEnd = tag.end
        while k < s.count {
            if s[k] == 0x3C, let t = self.tag(s, at: k), t.name == superscriptTag, t.closing {
                closeStart = k
                closeEnd = t.end
                break
            }
            k += 1
        }
        guard let contentEnd = closeStart else { return tag.end }
        var content: [Unicode.Scalar] = []
        var at = tag.end
        while at < contentEnd {
            let (scalar, width) = Unicode.Scalar.decoded(s, at: at)
            if !HTMLMarkup.isSpace(scalar) { content.append(scalar) }
            at += width
        }
        // The last byte stands for the last character only when it is ASCII.
        let previous = out.last.flatMap { $0 < 0x80 ? Unicode.Scalar($0) : nil }
        let isExponent = !content.isEmpty && content.count <= 3
            && content.enumerated().allSatisfy { ("0"..."9").contains($0.element) || ($0.offset == 0 && ($0.element == "-" || $0.element == "−")) }
        if isExponent, let p = previous, ("0"..."9").contains(p) || (p.properties.isAlphabetic && content.count == 1) {
            for d in content {
                out.append(contentsOf: d == "-" || d == "−" ? HTMLMarkup.superscriptMinus : HTMLMarkup.superscriptDigits[Int(d.value - 0x30)])
            }
            return closeEnd
        }
        if closeEnd >= s.count || HTMLMarkup.isSpace(Unicode.Scalar.decoded(s, at: closeEnd).scalar) {
            while out.last == 0x20 { out.removeLast() }
        }
        return closeEnd
    }

    /// Whether UTF-8 `b` holds only `isSpace` characters (or nothing).
    static func isBlank(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count {
            guard let w = spaceWidth(b, at: i) else { return false }
            i += w
        }
        return true
    }

    /// Drops the `isSpace` characters that end UTF-8 `b`.
    static func dropTrailingSpace(_ b: inout [UInt8]) {
        while let last = b.last {
            if last == 0x20 || last == 0x09 {
                b.removeLast()
            } else if b.count >= 2, last == 0xA0, b[b.count - 2] == 0xC2 {
                b.removeLast(2)
            } else if b.count >= 3, last == 0x80, b[b.count - 2] == 0x80, b[b.count - 3] == 0xE3 {
                b.removeLast(3)
            } else {
                return
            }
        }
    }

    /// The byte length of the `isSpace` character at `i` of UTF-8 `b`, or nil.
    private static func spaceWidth(_ b: [UInt8], at i: Int) -> Int? {
        switch b[i] {
        case 0x20, 0x09: return 1
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0xA0: return 2
        case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3
        default: return nil
        }
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{A0}" || c == "\u{3000}"
    }
}
