/// Word's list numbering (`word/numbering.xml`): the number a numbered paragraph shows, which
/// the document does not hold as text (`1.`, `（一）`, `①`). Counters run per list and level;
/// a level restarts when a level above it moves on.
struct DocxNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
    }

    /// abstractNumId → levels by ilvl.
    private var abstracts: [String: [Int: Level]] = [:]
    /// numId → abstractNumId.
    private var lists: [String: String] = [:]
    /// numId → counters by level; nil for a level not counted yet.
    private var counters: [String: [Int?]] = [:]

    init() {}

    init(_ root: MarkupElement) {
        guard let numbering = root.first("numbering") else { return }
        for abstract in numbering.elements("abstractNum") {
            guard let id = abstract.attribute("abstractNumId") else { continue }
            var levels: [Int: Level] = [:]
            for lvl in abstract.elements("lvl") {
                guard let ilvl = lvl.attribute("ilvl").flatMap({ Int($0) }), (0..<9).contains(ilvl) else { continue }
                var level = Level()
                // Word's own range; a larger number in the file would overflow the counters.
                if let s = lvl.first("start")?.attribute("val").flatMap({ Int($0) }) { level.start = min(max(s, 0), 32767) }
                if let f = lvl.first("numFmt")?.attribute("val") { level.format = f }
                if let t = lvl.first("lvlText")?.attribute("val") { level.text = t }
                levels[ilvl] = level
            }
            abstracts[id] = levels
        }
        for num in numbering.elements("num") {
            if let id = num.attribute("numId"), let abstract = num.first("abstractNumId")?.attribute("val") { lists[id] = abstract }
        }
    }

    /// The number of a paragraph with these properties, counting it; nil when it has none.
    mutating func next(_ properties: MarkupElement) -> String? {
        guard let numPr = properties.first("numPr"), let id = numPr.first("numId")?.attribute("val"), id != "0",
              let abstract = lists[id], let levels = abstracts[abstract] else { return nil }
        let ilvl = min(max(numPr.first("ilvl")?.attribute("val").flatMap { Int($0) } ?? 0, 0), 8)
        guard let level = levels[ilvl] else { return nil }
        var counts = counters[id] ?? Array(repeating: nil, count: 9)
        for deeper in (ilvl + 1)..<9 { counts[deeper] = nil }
        let count = counts[ilvl].map { min($0 + 1, 1_000_000) } ?? level.start
        counts[ilvl] = count
        counters[id] = counts
        if level.format == "none" { return nil }
        if level.format == "bullet" { return "• " }
        var text = level.text
        for n in (1...9).reversed() where text.contains("%\(n)") {
            let l = levels[n - 1] ?? Level()
            let value = n - 1 == ilvl ? count : counts[n - 1] ?? l.start
            text = text.replacingOccurrences(of: "%\(n)", with: DocxNumbering.format(value, l.format))
        }
        return text + " "
    }

    static func format(_ n: Int, _ format: String) -> String {
        guard (0...1_000_000).contains(n) else { return String(n) }
        switch format {
        case "lowerLetter": return letters(n, base: "a")
        case "upperLetter": return letters(n, base: "A")
        case "lowerRoman": return roman(n).lowercased()
        case "upperRoman": return roman(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(Unicode.Scalar(0x2460 + UInt32(n) - 1)!) : String(n)
        case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting", "ideographDigital",
             "chineseLegalSimplified", "taiwaneseCounting", "taiwaneseCountingThousand":
            return chinese(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        default: return String(n)
        }
    }

    private static func letters(_ n: Int, base: Unicode.Scalar) -> String {
        guard (1...780).contains(n) else { return String(n) }
        let letter = Character(Unicode.Scalar(base.value + UInt32((n - 1) % 26))!)
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    private static func roman(_ n: Int) -> String {
        guard (1..<4000).contains(n) else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var out = ""
        for (value, letters) in table { while rest >= value { out += letters; rest -= value } }
        return out
    }

    /// 1 to 99 as written in Chinese lists (一, 十, 十一, 二十一); larger in Arabic digits.
    private static func chinese(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard (1..<100).contains(n) else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
