import Foundation

/// `有效期暂定为 12 个月` is 12 months; `24个月`, `2 年` (24) likewise. The first period wins:
/// later ones are usually in-use times after opening or thawing. Read on the `RuleFold` form
/// (`12 個月`); the units and their months are metadata.json's `shelfLife`.
enum ShelfLifeReader {
    static func months(_ written: String, rules: MetadataRules = .standard) -> Int? {
        let text = RuleFold.fold(written)
        guard let m = rules.shelfLife.firstMatch(folded: text),
              let n = Range(m.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
              let unit = Range(m.range(at: 2), in: text).map({ String(text[$0]) }),
              let months = rules.shelfLifeUnits.first(where: { $0.unit == unit })?.months else { return nil }
        return n * months
    }
}
