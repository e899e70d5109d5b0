import Foundation

/// `有效期暂定为 12 个月` is 12 months; `24个月`, `2 年` (24) likewise. The first period wins:
/// later ones are usually in-use times after opening or thawing. Read on the `RuleFold` form
/// (`12 個月`).
enum ShelfLifeReader {
    private static let pattern = try! RegexLead(#"(\d+)\s*(个月|月|年)"#)

    static func months(_ written: String) -> Int? {
        let text = RuleFold.fold(written)
        guard let m = pattern.firstMatch(folded: text),
              let n = Range(m.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
              let unit = Range(m.range(at: 2), in: text).map({ text[$0] }) else { return nil }
        return unit == "年" ? n * 12 : n
    }
}
