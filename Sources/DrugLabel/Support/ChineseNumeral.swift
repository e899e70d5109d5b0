/// Small Chinese numerals as labels write ordinals: 第四次 is 4, 第十二次 is 12.
enum ChineseNumeral {
    private static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// The numeral characters' scalars, for a caller that rules others out before asking.
    static var numerals: [Unicode.Scalar] { digits.keys.flatMap(\.unicodeScalars) }

    /// 一 … 九, 两, 零: the value of one numeral character.
    static func digitValue(_ s: Unicode.Scalar) -> Int? {
        digits[Character(s)]
    }

    static func value(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        var total = 0
        var current = 0
        for c in text {
            if let d = digits[c] {
                current = d
            } else if c == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else if c == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
            } else {
                return nil
            }
        }
        let result = total + current
        return result > 0 ? result : nil
    }
}
