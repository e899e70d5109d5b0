/// The shortest edit between two token lists (Myers' O(ND) algorithm), as runs of equal tokens
/// and changes (tokens of one side replaced by tokens of the other; either may be empty).
enum TokenDiff {
    enum Op: Equatable {
        case equal(Range<Int>, Range<Int>)
        case change(Range<Int>, Range<Int>)
    }

    private enum Step { case equal, delete, insert }

    /// Frontier entries kept for the walk back, at most: two unrelated texts of thousands of
    /// tokens each would otherwise need gigabytes. Past it the middle is one change.
    static let budget = 20_000_000

    static func diff<T: Hashable>(_ a: [T], _ b: [T]) -> [Op] {
        // The common ends first: most edits are small, and the search is then small too.
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var ops: [Op] = []
        if prefix > 0 { ops.append(.equal(0..<prefix, 0..<prefix)) }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        // Nothing in common is one change; the search would take time quadratic in the length.
        let shared = !x.isEmpty && !y.isEmpty && !Set(x).isDisjoint(with: y)
        let middle = (shared ? myers(x, y) : nil) ?? [.change(0..<x.count, 0..<y.count)]
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

    /// Nil when the two are too different to align within the budget.
    private static func myers<T: Hashable>(_ a: [T], _ b: [T]) -> [Op]? {
        let n = a.count, m = b.count, offset = n + m + 1
        guard n + m > 0 else { return [] }
        // trace[d] is the frontier before edit d: furthest x reached on each diagonal k.
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            if (d + 1) * v.count > budget { return nil }
            trace.append(v)
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
            let v = trace[d]
            let k = x - y
            let prevK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let prevX = v[offset + prevK], prevY = prevX - prevK
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
