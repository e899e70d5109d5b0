/// Lines folded for matching (TextFold), with each folded scalar's place in its source line,
/// so a match can be cut out of the original text.
struct FoldedText {
    var scalars: [Unicode.Scalar] = []
    /// (line index in `lines`, scalar offset in that line's text) of each folded scalar.
    var origins: [(line: Int, offset: Int)] = []
    /// Whether white space stood before each folded scalar in its line.
    var spaceBefore: [Bool] = []
    /// Each line's scalars, for cutting the original text back out.
    private var lineScalars: [[Unicode.Scalar]] = []

    init(_ texts: [String]) {
        for (l, text) in texts.enumerated() {
            let original = Array(text.unicodeScalars)
            lineScalars.append(original)
            var sawSpace = true
            for (offset, s) in original.enumerated() {
                guard let f = TextFold.standard.scalar(s) else { sawSpace = true; continue }
                scalars.append(f)
                origins.append((l, offset))
                spaceBefore.append(sawSpace)
                sawSpace = false
            }
        }
    }

    /// Whether folded position `p` begins a new line (and so ends the one before).
    func startsLine(_ p: Int) -> Bool {
        p == 0 || (p < origins.count && origins[p].line != origins[p - 1].line)
    }

    /// After a name: the end of a line, white space, or a colon.
    func isBoundary(_ position: Int) -> Bool {
        if position >= scalars.count || startsLine(position) { return true }
        if spaceBefore[position] { return true }
        let s = scalars[position]
        return s == ":" || s == "："
    }

    /// The original text of `line` from scalar offset `fromOffset` to `toOffset` (or its end).
    func original(line: Int, fromOffset: Int, toOffset: Int? = nil) -> String {
        let scalars = lineScalars[line]
        let end = min(toOffset ?? scalars.count, scalars.count)
        guard fromOffset < end else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[fromOffset..<end])
        return String(view)
    }

    /// The scalar offset in its line where folded position `p` begins (or the line's end).
    func offset(_ p: Int, inLine line: Int) -> Int {
        if p < origins.count, origins[p].line == line { return origins[p].offset }
        return lineScalars[line].count
    }
}
