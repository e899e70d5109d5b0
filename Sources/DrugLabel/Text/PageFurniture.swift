import Foundation

/// Finds what a PDF prints on every page rather than in the text: page footers
/// (`第 12 页/共 27 页`) and running headers or footers repeated page after page.
struct PageFurniture: Sendable {
    let rules: TextRules
    /// Copied from the statics once: read for every line, a static asks its once-token each time.
    let pageWordScalars = PageFurniture.wordScalars
    let pageWordLeads = PageFurniture.wordLeads

    /// Documents of at least this many lines are looked over in pieces on all cores.
    static let linesForPieces = 8_000

    /// Indices of lines to drop, and a diagnostic per kind of removal.
    func find(in lines: [SourceLine]) -> (drop: Set<Int>, diagnostics: [Diagnostic]) {
        // By index (a loop over the elements would copy every line, two strings retained), and
        // for a long document in runs on all cores: each line is judged on its own.
        let pieces = lines.count >= PageFurniture.linesForPieces ? 4 * ProcessInfo.processInfo.activeProcessorCount : 1
        let footers = lines.indices.pieces(about: pieces).orderedConcurrentMap { range in
            range.filter { isPageFooter(lines[$0]) }
        }.flatMap { $0 }
        var drop = Set(footers)
        var diagnostics: [Diagnostic] = []
        if !footers.isEmpty {
            let numbers = footers.prefix(5).map { String(lines[$0].number) }.joined(separator: ", ")
            diagnostics.append(Diagnostic(.info, "normalize.pageFooter",
                                          "removed \(footers.count) page footer line(s) (lines \(numbers)\(footers.count > 5 ? ", …" : ""))",
                                          line: lines[footers[0]].number))
        }
        // Page breaks: after each footer line, and before each line that began with a form feed
        // (pdftotext ends every page with one). A boundary is where the next page starts.
        var breaks = footers.map { $0 + 1 }
        let feeds = lines.indices.filter { lines[$0].pageBreak }
        // With form feeds, the document's start and end are page edges too (page 1 has none
        // before it, the last page none after it).
        let edges = feeds.isEmpty ? [] : [0] + feeds + [lines.count]
        breaks = Array(Set(breaks + edges)).sorted()
        let numbers = pageNumbers(lines, breaks: edges)
        if !numbers.isEmpty {
            drop.formUnion(numbers)
            diagnostics.append(Diagnostic(.info, "normalize.pageNumber",
                                          "removed \(numbers.count) bare page number line(s) next to form feeds",
                                          line: lines[numbers.min()!].number))
        }
        let running = runningLines(lines, boundaries: breaks, skip: drop)
        if !running.isEmpty {
            drop.formUnion(running)
            let first = running.min()!
            diagnostics.append(Diagnostic(.info, "normalize.runningHeader",
                                          "removed \(running.count) running header/footer line(s) repeated at page breaks, such as “\(lines[first].text)”",
                                          line: lines[first].number))
        }
        return (drop, diagnostics)
    }

    /// Whether a line is a page footer. Most lines are ruled out on their bytes before they are
    /// folded, by the tests of `isPageFooter(folded:)`: the fold goes scalar for scalar, and
    /// shrinks a line at most three bytes to one.
    func isPageFooter(_ line: SourceLine) -> Bool {
        let text = line.text
        let mayBe = text.utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard !b.isEmpty, b.count <= 180 else { return false }
            var digit = false, pageWord = false
            var i = 0
            while i < b.count {
                let byte = b[i]
                if byte < 0x80 {
                    if byte >= 0x30 && byte <= 0x39 { digit = true } else if byte == 0x65 || byte == 0x45 { pageWord = true }
                    i += 1
                } else if byte >= 0xE0 && byte < 0xF0 && i + 2 < b.count {
                    // Decoded here, only under a lead byte that a digit or a page word can
                    // have: through `Unicode.Scalar.decoded` for every scalar this pass took
                    // half as long again (1.9% of a 50 MB parse against 1.3%).
                    if pageWordLeads & (1 << (byte & 0x0F)) != 0 {
                        let v = UInt32(byte & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        if v >= 0xFF10 && v <= 0xFF19 { digit = true } else if pageWordScalars.contains(v) { pageWord = true }
                    }
                    i += 3
                } else {
                    i += 1
                }
            }
            guard digit else { return false }
            if pageWord { return true }
            let first = text.firstScalar.map(RuleFold.fold)
            return first == "-" || first == "—" || first == "–"
        } ?? true
        return mayBe && isPageFooter(folded: line.folded)
    }

    /// The lead bytes (their low four bits) of full-width digits and of `wordScalars`.
    static let wordLeads: UInt16 = wordScalars.reduce(1 << 0x0F) { $0 | 1 << ($1 >> 12) }

    /// The three-byte scalars whose fold is 页, e or E (页 itself, 頁, full-width ｅ and Ｅ),
    /// read off the fold once.
    static let wordScalars: [UInt32] = (UInt32(0x800)...0xFFFF).filter { v in
        guard let s = Unicode.Scalar(v) else { return false }
        let f = RuleFold.fold(s)
        return f == "页" || f == "e" || f == "E"
    }

    /// Whether a line, given in its `RuleFold` form, is a page footer: the rules are written in
    /// Simplified, and the fold makes `第 12 頁/共 27 頁` (and full-width digits) read as they do.
    func isPageFooter(folded text: String) -> Bool {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 60, utf8.contains(where: { (0x30...0x39).contains($0) }) else { return false }
        // Every footer pattern has 页, `page`, or dashes around the number; most lines have none.
        // On the folded line, so that 頁 passes too: on the line as written this test alone kept
        // every Traditional footer from the patterns.
        let hasPageWord = text.unicodeScalars.contains { $0 == "页" || $0 == "e" || $0 == "E" }
        let dashed = utf8.first == UInt8(ascii: "-") || text.firstScalar.map { $0 == "—" || $0 == "–" } ?? false
        guard hasPageWord || dashed else { return false }
        return rules.pageFooters.contains { $0.matches(folded: text) }
    }

    /// A line of one to four digits alone, the last before or the first after a form feed, is
    /// the page's number.
    private func pageNumbers(_ lines: [SourceLine], breaks: [Int]) -> [Int] {
        func isNumber(_ i: Int) -> Bool {
            let u = lines[i].text.utf8
            return (1...4).contains(u.count) && u.allSatisfy { (0x30...0x39).contains($0) }
        }
        var result: [Int] = []
        for b in breaks {
            if b < lines.count, let after = lines[b...].firstIndex(where: { !$0.isBlank }), isNumber(after) { result.append(after) }
            if b > 0, let before = lines[..<b].lastIndex(where: { !$0.isBlank }), isNumber(before) { result.append(before) }
        }
        return result
    }

    /// A short line seen next to most page boundaries (within a few lines) is a running
    /// header or footer. Repetition alone is not enough: forms repeat their own field lines.
    /// A boundary `b` is the index of the first line of a new page.
    private func runningLines(_ lines: [SourceLine], boundaries: [Int], skip: Set<Int>) -> [Int] {
        guard boundaries.count >= rules.furnitureMinPages else { return [] }
        var seenAt: [String: Set<Int>] = [:]
        var indices: [String: [Int]] = [:]
        for (page, b) in boundaries.enumerated() {
            for direction in [-1, 1] {
                var j = direction < 0 ? b - 1 : b
                var taken = 0
                while j >= 0, j < lines.count, taken < rules.furnitureWindow {
                    let text = lines[j].text
                    if !text.isEmpty, !skip.contains(j) {
                        taken += 1
                        if DisplayWidth.of(text) <= rules.furnitureMaxWidth {
                            seenAt[text, default: []].insert(page)
                            indices[text, default: []].append(j)
                        }
                    }
                    j += direction
                }
            }
        }
        var result: [Int] = []
        for (text, pages) in seenAt where pages.count >= rules.furnitureMinPages && pages.count * 2 >= boundaries.count {
            // Printed again on each page: as many separate lines as pages, not one line that
            // happens to sit near two breaks of a short page.
            let lines = Set(indices[text]!)
            if lines.count >= rules.furnitureMinPages { result.append(contentsOf: lines) }
        }
        return Array(Set(result)).sorted()
    }
}
