/// A date written YYYY-MM-DD that names a day of the Gregorian calendar: the digits alone
/// would let `2026-02-30` through, which the validator would then compare as text.
struct CalendarDate: Sendable, Hashable {
    var year: Int, month: Int, day: Int

    init?(_ text: String) {
        guard let m = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/),
              let y = Int(m.1), let mo = Int(m.2), let d = Int(m.3), (1...12).contains(mo) else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
        guard (1...days).contains(d) else { return nil }
        (year, month, day) = (y, mo, d)
    }
}
