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
        // A histogram, not a sort: widths are small numbers and a 100 MB file has millions of lines.
        var histogram = [Int](repeating: 0, count: 513)
        var count = 0
        var adjacent = 0, separated = 0
        for (i, line) in lines.enumerated() where !line.isBlank {
            histogram[min(line.width, 512)] += 1
            count += 1
            if i + 1 < lines.count {
                if lines[i + 1].isBlank { separated += 1 } else { adjacent += 1 }
            }
        }
        doubleSpaced = separated > adjacent * 2
        guard count > 0 else { fullWidth = .max; return }
        let rank = min(count - 1, count * 9 / 10)
        var seen = 0
        var p90 = 512
        for (width, n) in histogram.enumerated() {
            seen += n
            if seen > rank { p90 = width; break }
        }
        fullWidth = max(16, p90 * 4 / 5)
    }
}
