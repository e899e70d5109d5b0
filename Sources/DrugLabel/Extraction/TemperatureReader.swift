import Foundation

/// Storage temperature limits: `2～8℃` is 2…8, `低于零下 150 摄氏度` is at most -150,
/// `不超过25℃` at most 25, `-20℃以下` at most -20. Read on the `RuleFold` form (`不超過`).
enum TemperatureReader {
    private static let number = #"(零下|负|-|－|−)?\s*(\d+(?:\.\d+)?)"#
    private static let unit = #"\s*(?:℃|°C|°c|摄氏度|度)"#
    private static let range = try! RegexLead(
        number + "(?:" + unit + ")?" + #"\s*(?:~|～|〜|-|－|—|至|到)\s*"# + number + unit)
    private static let single = try! RegexLead(
        #"(低于|不高于|不超过|不得超过|<|≤|＜|高于|不低于|>|≥|＞)?\s*"# + number + unit + #"\s*(以下|以上)?"#)

    static func read(_ written: String) -> (min: Double?, max: Double?)? {
        let text = RuleFold.fold(written)
        let rangeMatch = range.firstMatch(folded: text)
        let singleMatch = single.firstMatch(folded: text)
        if let r = rangeMatch, r.range.location <= (singleMatch?.range.location ?? Int.max) {
            let low = value(r, 1, 2, text), high = value(r, 3, 4, text)
            if let low, let high { return (Swift.min(low, high), Swift.max(low, high)) }
        }
        guard let m = singleMatch, let v = value(m, 2, 3, text) else { return nil }
        let before = group(m, 1, text) ?? "", after = group(m, 4, text) ?? ""
        if ["高于", "不低于", ">", "≥", "＞"].contains(before) || after == "以上" { return (v, nil) }
        if before.isEmpty && after.isEmpty { return (nil, v) }
        return (nil, v)
    }

    private static func value(_ m: NSTextCheckingResult, _ signGroup: Int, _ numberGroup: Int, _ text: String) -> Double? {
        guard let digits = group(m, numberGroup, text), let v = Double(digits), v.isFinite else { return nil }
        return group(m, signGroup, text) == nil ? v : -v
    }

    private static func group(_ m: NSTextCheckingResult, _ n: Int, _ text: String) -> String? {
        Range(m.range(at: n), in: text).map { String(text[$0]) }
    }
}
