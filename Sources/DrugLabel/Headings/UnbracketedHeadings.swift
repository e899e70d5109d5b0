/// The headings of a label written without 【】, in the three layouts labels saved from web
/// pages and databases come in:
/// - one heading a line, alone or before a colon (`适应症`, `适应症：用于…`);
/// - flattened onto one or a few lines, catalogue headings with a colon in a row
///   (`药品名称：… 成份：… 性状：…`): each line is cut into pieces at those headings, every piece
///   keeping the line's number;
/// - a pipe table (`| 产品名称 | … |` rows, as Markdown and web tables export): the first cell
///   names the section, the other cells are its text; a row with an empty first cell goes on
///   with the section above.
struct UnbracketedHeadings {
    let detector: HeadingDetector

    enum Shape: String, Sendable {
        case lines = "catalogue headings at the start of their lines"
        case flattened = "catalogue headings with a colon in a row within lines"
        case pipeTable = "the first cells of a pipe table"
    }

    struct Found {
        /// The lines to segment: the document's own, or its pieces (same line numbers).
        var lines: [SourceLine]
        var headings: [HeadingLine]
        var shape: Shape
    }

    /// Cells a pipe row must have at least (a heading and its text).
    private let minimumCells = 2
    /// Distinct catalogue sections that make a pipe-table or flattened label.
    private let minimumTableSections = 3

    func find(in lines: [SourceLine]) -> Found {
        if let table = pipeTable(lines) { return table }
        // Lines holding two or more headings in a row, with where they start.
        var cuts: [Int: [Int]] = [:]
        var keys = Set<String>()
        var cutWidth = 0, width = 0
        for (i, line) in lines.enumerated() where !line.isBlank {
            width += line.width
            let starts = inlineHeadingStarts(line.text)
            guard starts.count >= 2 else { continue }
            cuts[i] = starts.map(\.offset)
            keys.formUnion(starts.map(\.key))
            cutWidth += line.width
        }
        // A flattened label is mostly such lines and names several sections in them; a line of
        // prose that lists `适应症：… 用法用量：…` in an article does not make one, so its lines
        // stay whole.
        guard keys.count >= minimumTableSections, cutWidth * 2 >= width else {
            return Found(lines: lines, headings: detector.bare(in: lines), shape: .lines)
        }
        var pieces: [SourceLine] = []
        pieces.reserveCapacity(lines.count + cuts.values.reduce(0) { $0 + $1.count })
        for (i, line) in lines.enumerated() {
            if let starts = cuts[i] { pieces += BracketRuns.cut(line, at: starts) } else { pieces.append(line) }
        }
        return Found(lines: pieces, headings: detector.bare(in: pieces), shape: .flattened)
    }

    // MARK: Flattened lines

    private static let colons = ScalarSet("：:")
    /// What may stand right before a heading inside a line: the end of a sentence or a closing
    /// bracket (white space is checked apart).
    private static let before = ScalarSet("。；;！!？?）)」』”】")

    /// Scalar offsets where a catalogue heading followed by a colon begins: at the start of
    /// the line, after white space or after the end of a sentence. `本品主要成份：` has no
    /// heading (`主要成份` and `成份` follow a Han character); `3. 儿童用药：` is an item, not a
    /// heading.
    func inlineHeadingStarts(_ text: String) -> [(offset: Int, key: String)] {
        // Most lines have no colon: look for one before taking the line apart.
        guard text.unicodeScalars.contains(where: UnbracketedHeadings.colons.contains) else { return [] }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 2 else { return [] }
        var starts: [(offset: Int, key: String)] = []
        let longest = detector.index.longest
        for c in scalars.indices where UnbracketedHeadings.colons.contains(scalars[c]) && c > 0 {
            // The heading may have spaces inside (`性 状：`) and before the colon.
            var end = c
            while end > 0, isSpace(scalars[end - 1]) { end -= 1 }
            guard end > 0, DisplayWidth.isWide(scalars[end - 1].value) else { continue }
            var best: (offset: Int, key: String)?
            var han = 0
            var s = end - 1
            while s >= 0 {
                if !isSpace(scalars[s]) {
                    guard DisplayWidth.isWide(scalars[s].value), !UnbracketedHeadings.before.contains(scalars[s]),
                          !UnbracketedHeadings.colons.contains(scalars[s]) else { break }
                    han += 1
                    if han > longest { break }
                }
                if !isSpace(scalars[s]), isBoundary(scalars, at: s), starts.last.map({ $0.offset < s }) ?? true {
                    let candidate = String(String.UnicodeScalarView(scalars[s..<end]))
                    if let key = detector.index.key(forFoldedHeading: detector.fold(candidate)) { best = (s, key) }
                }
                s -= 1
            }
            if let best { starts.append(best) }
        }
        return starts
    }

    private func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\u{3000}" || s == "\t" || s == "\u{A0}" }

    private func isBoundary(_ scalars: [Unicode.Scalar], at s: Int) -> Bool {
        if s == 0 { return true }
        // Not after a numbered item's marker (`3. 儿童用药：`, `（2）儿童用药：`).
        var p = s
        while p > 0, isSpace(scalars[p - 1]) { p -= 1 }
        guard p > 0 else { return true }
        let mark = scalars[p - 1]
        if ".．、)）".unicodeScalars.contains(mark), p >= 2, ("0"..."9").contains(scalars[p - 2]) { return false }
        return p < s || UnbracketedHeadings.before.contains(mark)
    }

    // MARK: Pipe tables

    /// The cells of a pipe row (`| a | b |` or `a | b`), trimmed; nil for a line without pipes.
    static func cells(_ text: String) -> [String]? {
        guard text.unicodeScalars.contains(where: { $0 == "|" || $0 == "｜" }) else { return nil }
        var cells = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "|" || $0 == "｜" })
            .map { String($0).trimmingSpaces() }
        if cells.count > 1, cells.first?.isEmpty == true { cells.removeFirst() }
        if cells.count > 1, cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }

    /// `|---|:---:|`: the line under a Markdown table's header.
    static func isRule(_ cells: [String]) -> Bool {
        cells.allSatisfy { cell in
            !cell.isEmpty && cell.contains("-") && cell.unicodeScalars.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " }
        }
    }

    private func pipeTable(_ lines: [SourceLine]) -> Found? {
        var rows: [Int: [String]] = [:]
        var keys = Set<String>()
        var content = 0
        for (i, line) in lines.enumerated() where !line.isBlank {
            content += 1
            guard let cells = UnbracketedHeadings.cells(line.text), cells.count >= minimumCells || UnbracketedHeadings.isRule(cells) else { continue }
            rows[i] = cells
            if let key = detector.index.key(forFoldedHeading: detector.fold(cells[0])) { keys.insert(key) }
        }
        // Most of the document is the table, and its first cells name label sections.
        guard keys.count >= minimumTableSections, rows.count * 2 >= content else { return nil }
        var out = lines
        var headings: [HeadingLine] = []
        for (i, line) in lines.enumerated() {
            guard let cells = rows[i] else { continue }
            if UnbracketedHeadings.isRule(cells) { out[i] = SourceLine(number: line.number, text: ""); continue }
            // The header row above the rule (`| 项目 | 内容 |`) names the columns, not a section.
            if headings.isEmpty, let next = lines[(i + 1)...].firstIndex(where: { !$0.isBlank }),
               let below = rows[next], UnbracketedHeadings.isRule(below),
               detector.index.key(forFoldedHeading: detector.fold(cells[0])) == nil {
                out[i] = SourceLine(number: line.number, text: "")
                continue
            }
            let first = cells[0].trimming(" \u{3000}:：")
            let rest = cells.dropFirst().filter { !$0.isEmpty }.joined(separator: " ")
            guard !first.isEmpty else {
                out[i] = SourceLine(number: line.number, text: rest)
                continue
            }
            let folded = detector.fold(first)
            let key = detector.index.key(forFoldedHeading: folded)
            // Every row is a field of the same rank: a catalogue name is a heading wherever it
            // stands; another name is one once the sections have begun, unless it labels a line
            // of the section above (`企业名称 | …` under 生产企业).
            let isHeading = key != nil || (!headings.isEmpty && detector.looksLikeHeading(first)
                                           && !detector.index.isLabel(folded: folded, inside: headings.last?.key))
            if isHeading {
                headings.append(HeadingLine(index: i, endIndex: i, heading: first, key: key, rest: rest))
                out[i] = SourceLine(number: line.number, text: first)
            } else {
                // A label line of the block (`通用名称 | 阿莫西林胶囊` under 药品名称), or a row
                // before the first section (a header row `项目 | 内容`).
                out[i] = SourceLine(number: line.number, text: rest.isEmpty ? first : first + "：" + rest)
            }
        }
        return Found(lines: out, headings: headings, shape: .pipeTable)
    }
}
