import Foundation

/// Storage temperature limits: `2～8℃` is 2…8, `低于零下 150 摄氏度` is at most -150,
/// `不超过25℃` at most 25, `-20℃以下` at most -20. Read on the `RuleFold` form (`不超過`); the
/// words are metadata.json's `temperature`.
enum TemperatureReader {
    static func read(_ written: String, rules: MetadataRules = .standard) -> (min: Double?, max: Double?)? {
        let text = RuleFold.fold(written)
        let t = rules.temperature
        let rangeMatch = t.range.firstMatch(folded: text)
        let singleMatch = t.single.firstMatch(folded: text)
        if let r = rangeMatch, r.range.location <= (singleMatch?.range.location ?? Int.max) {
            let low = value(r, 1, 2, text), high = value(r, 3, 4, text)
            if let low, let high { return (Swift.min(low, high), Swift.max(low, high)) }
        }
        guard let m = singleMatch, let v = value(m, 2, 3, text) else { return nil }
        // A lower limit when a word says so; an upper limit otherwise (`不超过25℃`, `25℃`).
        if let before = group(m, 1, text), t.atLeastBefore.contains(before) { return (v, nil) }
        if let after = group(m, 4, text), t.atLeastAfter.contains(after) { return (v, nil) }
        return (nil, v)
    }

    private static func value(_ m: NSTextCheckingResult, _ signGroup: Int, _ numberGroup: Int, _ text: String) -> Double? {
        guard let digits = group(m, numberGroup, text), let v = Double(digits), v.isFinite else { return nil }
        return (group(m, signGroup, text) ?? "").isEmpty ? v : -v
    }

    private static func group(_ m: NSTextCheckingResult, _ n: Int, _ text: String) -> String? {
        Range(m.range(at: n), in: text).map { String(text[$0]) }
    }
}
