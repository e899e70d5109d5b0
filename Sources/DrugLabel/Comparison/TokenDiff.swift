/// The shortest edit between two token lists (Myers' O(ND) algorithm), as runs of equal tokens
/// and changes (tokens of one side replaced by tokens of the other; either may be empty).
enum TokenDiff {
    enum Op: Equatable {
        case equal(Range<Int>, Range<Int>)
        case change(Range<Int>, Range<Int>)
    }

    private enum Step { case equal, delete, insert }

    /// Frontier entries kept for the walk back, at most: the frontier before edit d is kept
    /// only where edit d reads it (diagonals -d-1…d+1), so the walk back costs O(D²), not
    /// O(D·(N+M)). Past the budget the middle is one change.
    static let budget = 20_000_000

    /// `minimumWork`: the search steps always allowed, whatever the lengths; a caller that
    /// diffs thousands of short texts against long ones (crosscheck) passes a small one.
    static func diff<T: Hashable>(_ a: [T], _ b: [T], minimumWork: Int = 1_000_000) -> [Op] {
        // The common ends first: most edits are small, and the search is then small too.
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var ops: [Op] = []
        if prefix > 0 { ops.append(.equal(0..<prefix, 0..<prefix)) }
        let n = a.count - suffix - prefix, m = b.count - suffix - prefix
        let middle: [Op]
        // Too unlike to align within the time the two lengths allow: one change, decided before
        // anything is copied (a short quote of a long section costs its own length only).
        if n == 0 || m == 0 || abs(n - m) > maximumEdits(n + m, minimumWork: minimumWork) {
            middle = [.change(0..<n, 0..<m)]
        } else {
            let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
            // Nothing in common is one change; the search would take time quadratic in the length.
            let shared = !Set(x).isDisjoint(with: y)
            middle = (shared ? myers(x, y, limit: maximumEdits(n + m, minimumWork: minimumWork)) : nil) ?? [.change(0..<x.count, 0..<y.count)]
        }
        for op in middle {
            switch op {
            case .equal(let x, let y): ops.append(.equal((x.lowerBound + prefix)..<(x.upperBound + prefix), (y.lowerBound + prefix)..<(y.upperBound + prefix)))
            case .change(let x, let y):
                if x.isEmpty && y.isEmpty { continue }
                ops.append(.change((x.lowerBound + prefix)..<(x.upperBound + prefix), (y.lowerBound + prefix)..<(y.upperBound + prefix)))
            }
        }
        if suffix > 0 { ops.append(.equal((a.count - suffix)..<a.count, (b.count - suffix)..<b.count)) }
        return ops
    }

    /// The most edits searched for between texts of `length` tokens together: the search costs
    /// about the square of the edits, held to a multiple of the length (and the budget), so a
    /// document that quotes thousands of sections stays linear. Two texts that need more
    /// edits than this are too unlike to align word by word.
    static func maximumEdits(_ length: Int, minimumWork: Int) -> Int {
        let work = min(budget, max(minimumWork, 64 * length))
        return Int(Double(work).squareRoot())
    }

    /// The frontier entries kept up to and including edit `d`.
    private static func kept(through d: Int) -> Int { (d + 1) * (d + 3) }

    /// Nil when the two are too different to align within the budget.
    private static func myers<T: Hashable>(_ a: [T], _ b: [T], limit: Int) -> [Op]? {
        let n = a.count, m = b.count, offset = n + m + 1
        guard n + m > 0 else { return [] }
        // trace[d] is the frontier before edit d on diagonals -d-1…d+1 (index k + d + 1).
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            if d > limit || kept(through: d) > budget { return nil }
            let low = max(0, offset - d - 1), high = min(v.count - 1, offset + d + 1)
            var window = [Int](repeating: 0, count: 2 * d + 3)
            for i in low...high { window[i - (offset - d - 1)] = v[i] }
            trace.append(window)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let window = trace[d]
            let at = { (k: Int) in window[k + d + 1] }
            let k = x - y
            let prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let prevX = at(prevK), prevY = prevX - prevK
            while x > prevX && y > prevY { steps.append(.equal); x -= 1; y -= 1 }
            if d > 0 { steps.append(x == prevX ? .insert : .delete) }
            x = prevX; y = prevY
        }
        // Forward, merged into runs.
        var ops: [Op] = []
        var i = 0, j = 0
        for step in steps.reversed() {
            switch step {
            case .equal:
                if case .equal(let ra, let rb)? = ops.last { ops[ops.count - 1] = .equal(ra.lowerBound..<(i + 1), rb.lowerBound..<(j + 1)) }
                else { ops.append(.equal(i..<(i + 1), j..<(j + 1))) }
                i += 1; j += 1
            case .delete, .insert:
                let di = step == .delete ? 1 : 0, dj = step == .insert ? 1 : 0
                if case .change(let ra, let rb)? = ops.last { ops[ops.count - 1] = .change(ra.lowerBound..<(i + di), rb.lowerBound..<(j + dj)) }
                else { ops.append(.change(i..<(i + di), j..<(j + dj))) }
                i += di; j += dj
            }
        }
        return ops
    }
}
