/// Turns a seed document into a damaged one, the way real files are damaged: bytes flipped or
/// lost (bad transfers, OCR), pieces cut, repeated or spliced from another document (copy and
/// paste), lines shuffled, and the structural tokens the parser keys on (brackets, headings,
/// table separators, markup, numbers and units) dropped in where they make the least sense.
struct Mutator {
    let seeds: [[UInt8]]

    /// Tokens the stages look for. Taken from the grammar of labels in general, not from a file.
    static let tokens: [[UInt8]] = [
        "【", "】", "【用法", "用量】", "【用法用量】", "【不良反应】", "【禁忌】", "【药品名称】", "【警示语】", "[", "]",
        "\n", "\r\n", "\r", "\t", " | ", "|", "｜", "---|---", "\u{3000}", " ", "：", ":", "；", "。", "，", "、",
        "（", "）", "(", ")", "～", "~", "-", "—", "至", "%", "％", "/", "／", "×", "x10", "10<sup>6</sup>",
        "<br />", "<td>", "</td>", "<tr>", "<table>", "&nbsp;", "&#", "&#12300;", "<sup>", "</sup>", "<", ">",
        "每日", "一日", "一次", "每次", "3次", "mg", "mg/kg", "ml", "IU", "粒", "片", "g", "μg", "10⁶", "²",
        "0", "1", "9", ".", "..", "½", "三", "十", "百", "万", "一二", "第", "表1", "表 2", "注：", "*", "①", "1.", "1)",
        "成人", "儿童", "口服", "静脉", "最大", "不超过", "用法", "剂量", "通用名称", "商品名称", "英文名称",
        "国药准字", "批准文号", "修订日期", "年", "月", "日", "2024", "《", "》", "“", "”", "\"", "'",
        "\u{FEFF}", "\u{200B}", "\u{7F}", "\u{0}", "\u{85}", "\u{2028}", "\u{FFFD}",
    ].map { Array($0.utf8) }

    /// Byte sequences that are not UTF-8 or start other encodings.
    static let rawTokens: [[UInt8]] = [
        [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0xE3, 0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8],
        [0x80], [0xB5, 0xC4], [0x81, 0x30, 0x81, 0x30], [0x00, 0x00], [0x25, 0x50, 0x44, 0x46, 0x2D],
    ]

    func mutate(_ input: [UInt8], using rng: inout SplitMix) -> [UInt8] {
        var bytes = input
        let rounds = Int.random(in: 1...8, using: &rng)
        for _ in 0..<rounds { step(&bytes, using: &rng) }
        return bytes
    }

    private func step(_ bytes: inout [UInt8], using rng: inout SplitMix) {
        func position() -> Int { Int.random(in: 0...bytes.count, using: &rng) }
        func range() -> Range<Int> {
            let a = position(), b = min(bytes.count, a + Int.random(in: 0...256, using: &rng))
            return a..<b
        }
        switch Int.random(in: 0..<12, using: &rng) {
        case 0 where !bytes.isEmpty:
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
        case 1 where !bytes.isEmpty:
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
        case 2:
            bytes.removeSubrange(range())
        case 3:
            let r = range()
            bytes.insert(contentsOf: bytes[r], at: position())
        case 4, 5:
            bytes.insert(contentsOf: Mutator.tokens.randomElement(using: &rng)!, at: position())
        case 6:
            bytes.insert(contentsOf: Mutator.rawTokens.randomElement(using: &rng)!, at: position())
        case 7:
            // A piece of another document: sections of one label quoted in another.
            let other = seeds.randomElement(using: &rng)!
            guard !other.isEmpty else { return }
            let a = Int.random(in: 0..<other.count, using: &rng)
            let b = min(other.count, a + Int.random(in: 1...2048, using: &rng))
            bytes.insert(contentsOf: other[a..<b], at: position())
        case 8:
            // One line many times: what makes a quadratic step show.
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard let line = lines.randomElement(using: &rng) else { return }
            let times = Int.random(in: 2...64, using: &rng)
            let block = Array(repeating: Array(line) + [0x0A], count: times).flatMap { $0 }
            bytes.insert(contentsOf: block, at: position())
        case 9:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard lines.count > 1 else { return }
            let i = Int.random(in: 0..<lines.count, using: &rng), j = Int.random(in: 0..<lines.count, using: &rng)
            lines.swapAt(i, j)
            bytes = Array(lines.joined(separator: [0x0A]))
        case 10:
            bytes.removeSubrange(position()...)
        default:
            // Digits changed: numbers drive the dose reader, table columns and the diff.
            guard let i = bytes.indices.filter({ (0x30...0x39).contains(bytes[$0]) }).randomElement(using: &rng) else { return }
            bytes[i] = [0x30, 0x39, 0x2E, 0x2D, 0x25].randomElement(using: &rng)!
        }
    }
}
