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

    private static let superscriptDigits: [Unicode.Scalar] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

    /// The text of one physical line, cut where a block tag stood. A row of tab-separated cells
    /// whose cells hold block markup is a table of slides exported to Markdown: its cells are
    /// read as HTML one by one (`SlideTableReader`), so only its citation marks go here.
    public func pieces(of line: String) -> [String] {
        let s = Array(line.unicodeScalars)
        // Scalars gathered in arrays and made Strings once: appending to a String a scalar at
        // a time was most of the cost of a label saved as one line of HTML.
        var pieces: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var i = 0
        var sawTab = false
        var cellRow = false
        while i < s.count {
            let c = s[i]
            if c == "\t" { sawTab = true }
            if c == "<", let tag = tag(s, at: i) {
                if tag.name == superscriptTag {
                    i = superscript(s, tag: tag, into: &current)
                    continue
                }
                if blockTags.contains(tag.name) {
                    if sawTab, !current.allSatisfy(HTMLMarkup.isSpace) { cellRow = true }
                    pieces.append(current)
                    current = []
                } else if cellTags.contains(tag.name), !tag.closing, !current.allSatisfy(HTMLMarkup.isSpace) {
                    while let last = current.last, HTMLMarkup.isSpace(last) { current.removeLast() }
                    current.append(contentsOf: " | ".unicodeScalars)
                }
                i = tag.end
                continue
            }
            if c == "&", let (text, end) = entity(s, at: i) {
                current.append(contentsOf: text.unicodeScalars)
                i = end
                continue
            }
            current.append(c)
            i += 1
        }
        pieces.append(current)
        if cellRow, pieces.dropFirst().contains(where: { !$0.allSatisfy(HTMLMarkup.isSpace) }) {
            return [citationsDropped(line)]
        }
        return pieces.map { $0.string(0..<$0.count) }
    }

    /// Plain text of an HTML fragment (a table cell of slides): block tags become line breaks,
    /// empty lines go.
    public func plainText(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        let s = Array(html.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < s.count {
            if s[i] == "<", let tag = tag(s, at: i) {
                if tag.name == superscriptTag { i = superscript(s, tag: tag, into: &out); continue }
                if blockTags.contains(tag.name) { out.append("\n") }
                i = tag.end
            } else if s[i] == "&", let (text, end) = entity(s, at: i) {
                out.append(contentsOf: text.unicodeScalars)
                i = end
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out.string(0..<out.count).split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The line with only its `<sup>` marks read.
    private func citationsDropped(_ line: String) -> String {
        let s = Array(line.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < s.count {
            if s[i] == "<", let tag = tag(s, at: i), tag.name == superscriptTag {
                i = superscript(s, tag: tag, into: &out)
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out.string(0..<out.count)
    }

    struct Tag {
        var name: String
        var closing: Bool
        /// One past the `>`.
        var end: Int
    }

    /// A listed tag at `i` (`<br />`, `</p>`, `<span style="…">`), or nil.
    func tag(_ s: [Unicode.Scalar], at i: Int) -> Tag? {
        var j = i + 1
        guard j < s.count else { return nil }
        var closing = false
        if s[j] == "/" { closing = true; j += 1 }
        var name = ""
        while j < s.count, s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == ":" {
            name.unicodeScalars.append(s[j])
            j += 1
            if name.unicodeScalars.count > 12 { return nil }
        }
        name = name.lowercased()
        guard !name.isEmpty, j < s.count,
              name == superscriptTag || blockTags.contains(name) || cellTags.contains(name) || inlineTags.contains(name)
        else { return nil }
        // Attributes run to the `>`, on the same line and without another `<`.
        let limit = min(s.count, j + 600)
        guard s[j] == ">" || s[j] == "/" || s[j] == " " || s[j] == "\t" else { return nil }
        while j < limit, s[j] != ">" {
            if s[j] == "<" { return nil }
            j += 1
        }
        guard j < limit else { return nil }
        return Tag(name: name, closing: closing, end: j + 1)
    }

    /// `&nbsp;`, `&lt;`, `&#20320;`, `&#x4F60;` at `i`: its text and where it ends.
    func entity(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        var j = i + 1
        guard j < s.count else { return nil }
        if s[j] == "#" {
            j += 1
            var hex = false
            if j < s.count, s[j] == "x" || s[j] == "X" { hex = true; j += 1 }
            var digits = ""
            while j < s.count, s[j].isASCII, s[j].properties.isASCIIHexDigit, digits.count < 8 {
                digits.unicodeScalars.append(s[j])
                j += 1
            }
            guard !digits.isEmpty, j < s.count, s[j] == ";", let v = UInt32(digits, radix: hex ? 16 : 10),
                  let scalar = Unicode.Scalar(v) else { return nil }
            // A control character written as an entity is no more text than a raw one.
            if v < 0x20 || (0x7F...0x9F).contains(v) { return ("", j + 1) }
            return (String(scalar), j + 1)
        }
        var name = ""
        while j < s.count, s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]), name.count < 10 {
            name.unicodeScalars.append(s[j])
            j += 1
        }
        guard let text = entities[name] ?? entities[name.lowercased()] else { return nil }
        if j < s.count, s[j] == ";" { return (text, j + 1) }
        // `&nbsp` without its semicolon is common in scraped text; other names need theirs.
        return name.lowercased() == "nbsp" ? (text, j) : nil
    }

    /// Reads `<sup>…</sup>` from `tag` on and returns where reading goes on. After a number the
    /// content is an exponent (`10<sup>6</sup>` → `10⁶`), after a Latin unit letter a power
    /// (`m<sup>2</sup>` → `m²`); elsewhere a citation mark, dropped with its content, and with
    /// the space that attached it (`名称 <sup>2</sup>`).
    private func superscript(_ s: [Unicode.Scalar], tag: Tag, into out: inout [Unicode.Scalar]) -> Int {
        guard !tag.closing else { return tag.end }
        var k = tag.end
        var closeStart: Int?
        var closeEnd = tag.end
        while k < s.count {
            if s[k] == "<", let t = self.tag(s, at: k), t.name == superscriptTag, t.closing {
                closeStart = k
                closeEnd = t.end
                break
            }
            k += 1
        }
        guard let contentEnd = closeStart else { return tag.end }
        let content = s[tag.end..<contentEnd].filter { !HTMLMarkup.isSpace($0) }
        let previous = out.last
        let isExponent = !content.isEmpty && content.count <= 3
            && content.enumerated().allSatisfy { ("0"..."9").contains($0.element) || ($0.offset == 0 && ($0.element == "-" || $0.element == "−")) }
        if isExponent, let p = previous, ("0"..."9").contains(p) || (p.isASCII && p.properties.isAlphabetic && content.count == 1) {
            for d in content {
                out.append(d == "-" || d == "−" ? "⁻" : HTMLMarkup.superscriptDigits[Int(d.value - 0x30)])
            }
            return closeEnd
        }
        if closeEnd >= s.count || HTMLMarkup.isSpace(s[closeEnd]) {
            while let last = out.last, last == " " { out.removeLast() }
        }
        return closeEnd
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{A0}" || c == "\u{3000}"
    }
}
