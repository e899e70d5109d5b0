/// The lines the tables of a document cover, asked of every paragraph: by binary search over
/// the tables' first lines, not by a scan of every table (a long document has hundreds).
struct TableLines {
    /// First lines in order, and the last line reached by any table starting at or before each.
    private var starts: [Int] = []
    private var reach: [Int] = []

    init(_ tables: [Table]) {
        for span in tables.map(\.span).sorted(by: { $0.startLine < $1.startLine }) {
            starts.append(span.startLine)
            reach.append(max(reach.last ?? Int.min, span.endLine))
        }
    }

    /// Whether some table's span holds `line`.
    func contains(_ line: Int) -> Bool {
        // The last table that starts at or before the line.
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= line { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && reach[lo - 1] >= line
    }
}
