/// How a document lays out its lines, measured from the lines themselves: whether a blank
/// line follows every line (PDF text does that, so blank lines mean nothing), and how wide a
/// line that runs to the right margin is (so a wrap can be told from a short line).
struct Layout: Sendable {
    var doubleSpaced: Bool
    /// A line at least this wide (display columns) ran to the margin.
    var fullWidth: Int

    init(doubleSpaced: Bool, fullWidth: Int) {
        self.doubleSpaced = doubleSpaced
        self.fullWidth = fullWidth
    }

    init(measuring lines: [SourceLine]) {
        var widths: [Int] = []
        var adjacent = 0, separated = 0
        for (i, line) in lines.enumerated() where !line.isBlank {
            widths.append(line.width)
            if i + 1 < lines.count {
                if lines[i + 1].isBlank { separated += 1 } else { adjacent += 1 }
            }
        }
        doubleSpaced = separated > adjacent * 2
        guard !widths.isEmpty else { fullWidth = .max; return }
        widths.sort()
        let p90 = widths[min(widths.count - 1, widths.count * 9 / 10)]
        fullWidth = max(16, p90 * 4 / 5)
    }
}
