/// How a document lays out its lines, measured from the lines themselves: whether a blank
/// line follows every line (PDF text does that, so blank lines mean nothing), and how wide a
/// line that runs to the right margin is (so a wrap can be told from a short line).
struct Layout: Sendable {
    var doubleSpaced: Bool
    /// A line at least this wide (display columns) ran to the margin.
    var fullWidth: Int
    /// The document's own tables (a .docx's, a web page's, a PDF page's), by the lines they
    /// were written to: the table stage types them rather than rebuilding them from the text.
    var grids: [DocumentGrid] = []
    /// Known from the document's structure rather than measured from its lines.
    var fromStructure = false

    init(doubleSpaced: Bool, fullWidth: Int) {
        self.doubleSpaced = doubleSpaced
        self.fullWidth = fullWidth
    }

    /// A document whose every paragraph is a line of its own, with a blank line after it (a
    /// .docx, a web page): no line was wrapped, so none is joined to the next.
    static func paragraphs(grids: [DocumentGrid]) -> Layout {
        var layout = Layout(doubleSpaced: false, fullWidth: .max)
        layout.grids = grids
        layout.fromStructure = true
        return layout
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
