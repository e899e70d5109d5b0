import Foundation

/// `有效期暂定为 12 个月` is 12 months; `24个月`, `2 年` (24) likewise. The first period wins:
/// later ones are usually in-use times after opening or thawing.
enum ShelfLifeReader {
    private static let pattern = try! NSRegularExpression(pattern: #"(\d+)\s*(个月|月|年)"#)

    static func months(_ text: String) -> Int? {
        guard let m = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let n = Range(m.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
              let unit = Range(m.range(at: 2), in: text).map({ text[$0] }) else { return nil }
        return unit == "年" ? n * 12 : n
    }
}
