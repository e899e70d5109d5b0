/// Which line numbers a set of spans (a document's tables) covers, answered by bisection: every
/// section asks it about its short lines, and a 50 MB label has thousands of tables, so a
/// scan of all of them per line made the sections stage quadratic.
struct CoveredLines: Sendable {
    /// Start lines, in order.
    private let starts: [Int]
    /// The largest end line among the spans up to and including each position of `starts`.
    private let reach: [Int]

    init(_ spans: [SourceSpan]) {
        let sorted = spans.sorted { $0.startLine < $1.startLine }
        starts = sorted.map(\.startLine)
        var reach: [Int] = []
        reach.reserveCapacity(sorted.count)
        var far = Int.min
        for span in sorted {
            far = max(far, span.endLine)
            reach.append(far)
        }
        self.reach = reach
    }

    /// Whether some span has `startLine <= line <= endLine`.
    func contains(_ line: Int) -> Bool {
        // The spans starting at or before `line` are a prefix; one of them covers it when the
        // furthest of their ends does.
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= line { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && reach[lo - 1] >= line
    }
}
