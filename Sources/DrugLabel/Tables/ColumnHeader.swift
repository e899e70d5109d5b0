/// A numeric table's column header, read from the lines between the caption and the body:
/// label-column headers (`系统器官分类`, `首选术语`), arms (`中国临床研究（N=24） ZUMA-1（N=108）`)
/// and the labels under each arm (`所有等级` `（%）` `≥3 级（%）`), joined into one path per
/// value column.
struct ColumnHeader: Sendable {
    var stub: [String] = []
    var arms: [Table.Arm] = []
    var columns: [[String]] = []
    /// The header's lines as written, folded, to recognise it repeated after a page break.
    var foldedLines: [String] = []

    /// The part before and including the arm lines. `lines` are non-blank.
    static func arms(_ lines: [SourceLine], rules: TableRules) -> (stub: [String], arms: [(name: String, n: Int, written: String, footnotes: [String])], used: Int)? {
        let joined = joinContinuations(lines)
        // Each entry is folded once to find its arms.
        let armsByEntry = joined.map { rules.arms(in: $0.text) }
        guard let lastArm = armsByEntry.lastIndex(where: { !$0.isEmpty }), lastArm < 8 else { return nil }
        var stub: [String] = []
        var arms: [(name: String, n: Int, written: String, footnotes: [String])] = []
        for (entry, found) in zip(joined[...lastArm], armsByEntry) {
            if found.isEmpty { stub.append(entry.text); continue }
            var start = entry.text.startIndex
            for (range, n) in found {
                var from = start
                // `（N=180）e 标准治疗（N=179）`: a letter after one arm's N is that arm's footnote.
                while let first = entry.text[from..<range.lowerBound].split(separator: " ").first,
                      HeaderTokens.isMark(String(first)), !arms.isEmpty {
                    arms[arms.count - 1].footnotes.append(String(first))
                    from = first.endIndex
                }
                let name = entry.text[from..<range.lowerBound].trimmingSpaces()
                let written = entry.text[from..<range.upperBound].trimmingSpaces()
                arms.append((name, n, written, []))
                start = range.upperBound
            }
            let tail = entry.text[start...].trimmingSpaces()
            for word in tail.split(separator: " ") where HeaderTokens.isMark(String(word)) {
                arms[arms.count - 1].footnotes.append(String(word))
            }
        }
        return (stub, arms, joined[lastArm].used)
    }

    /// Physical lines with a line that opens with a bracket (`（%）`, `（N=180）e`) joined to the
    /// one before; `used` counts the physical lines up to and including each joined line.
    static func joinContinuations(_ lines: [SourceLine]) -> [(text: String, used: Int)] {
        Array(Continuations(lines: lines[...]))
    }

    /// `joinContinuations` one entry at a time: the labels under the arms are read from lines
    /// that may run to the end of a long section, and only the first few are wanted.
    private struct Continuations: Sequence, IteratorProtocol {
        let lines: ArraySlice<SourceLine>
        private var cursor: Int

        init(lines: ArraySlice<SourceLine>) {
            self.lines = lines
            cursor = lines.startIndex
        }

        mutating func next() -> (text: String, used: Int)? {
            guard cursor < lines.endIndex else { return nil }
            var text = lines[cursor].text
            cursor += 1
            while cursor < lines.endIndex, let first = lines[cursor].text.first, first == "（" || first == "(" {
                text += lines[cursor].text
                cursor += 1
            }
            return (text, cursor - lines.startIndex)
        }
    }

    /// The labels under the arms, taken from the start of `lines` until there are enough for
    /// `count` value columns shared by `armCount` arms. Returns the labels, the labels left over
    /// in front (label-column headers such as `最短随访时间`) and the physical lines used.
    static func subheaders(_ lines: ArraySlice<SourceLine>, count: Int, armCount: Int) -> (labels: [String], extra: [String], used: Int) {
        let perArm = armCount > 0 && count % armCount == 0 ? count / armCount : count
        // No value columns (a header line that is all label columns) leaves nothing to share.
        guard perArm > 0, perArm > 1 || armCount == 0 else { return ([], [], 0) }
        var labels: [String] = []
        var used = 0
        for entry in Continuations(lines: lines) {
            let tokens = HeaderTokens.split(entry.text).map(\.text)
            if labels.count >= perArm {
                // The same labels again under the next arm.
                let expected = (0..<tokens.count).map { labels[(labels.count + $0) % perArm] }
                guard labels.count + tokens.count <= count,
                      tokens.map({ TextFold.standard.fold($0) }) == expected.map({ TextFold.standard.fold($0) }) else { break }
            }
            labels += tokens
            used = entry.used
            if labels.count >= count { break }
        }
        guard labels.count >= perArm else { return ([], [], 0) }
        let extra = labels.count > count ? Array(labels.prefix(labels.count - count)) : labels.count > perArm && labels.count < count ? Array(labels.prefix(labels.count - perArm)) : []
        return (Array(labels.dropFirst(extra.count)), extra, used)
    }

    /// One path per value column: the arm over it, then its own label.
    static func paths(arms: [(name: String, n: Int, written: String, footnotes: [String])], labels: [String], count: Int) -> (columns: [[String]], arms: [Table.Arm]) {
        if arms.isEmpty { return (labels.map { [$0] }, []) }
        var columns: [[String]] = []
        var typed: [Table.Arm] = []
        let perArm = max(1, count / arms.count)
        for (a, arm) in arms.enumerated() {
            var indexes: [Int] = []
            for k in 0..<perArm {
                var path = [arm.written]
                // More arms than value columns leave arms past the labels: those repeat them.
                let own = a * perArm + k
                if !labels.isEmpty { path.append(labels[labels.count == count && own < labels.count ? own : k % labels.count]) }
                indexes.append(columns.count)
                columns.append(path)
            }
            typed.append(Table.Arm(name: arm.name, n: arm.n, footnotes: arm.footnotes, columns: indexes))
        }
        return (columns, typed)
    }
}
