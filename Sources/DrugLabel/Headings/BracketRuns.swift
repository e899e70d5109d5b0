/// A label flattened with its brackets kept (`【药品名称】阿莫西林胶囊 【成份】… 【性状】…` on one
/// line, as a web page's text loses its line breaks): each line that holds two or more catalogue
/// headings in brackets is cut before each of them, every piece keeping the line's number, so
/// that each heading starts a line as `HeadingDetector` expects. A bracket inside a sentence that
/// names a section (`（见【注意事项】）`, `详见【不良反应】。`, `参见【用法用量】项下`) is no heading.
struct BracketRuns {
    let detector: HeadingDetector

    private static let openers = ScalarSet("【〖")
    private static let closers = ScalarSet("】〗")

    /// The lines with runs cut, or the same lines when there are none.
    func split(_ lines: [SourceLine]) -> [SourceLine] {
        var result: [SourceLine]?
        for (i, line) in lines.enumerated() {
            let starts = headingStarts(line.text)
            if !starts.isEmpty {
                if result == nil { result = Array(lines[..<i]) }
                result! += BracketRuns.cut(line, at: starts)
            } else {
                result?.append(line)
            }
        }
        return result ?? lines
    }

    /// Scalar offsets of the catalogue headings in brackets inside a line that holds two or more.
    private func headingStarts(_ text: String) -> [Int] {
        // Most lines hold no second bracket: count openers before taking the line apart.
        var openers = 0
        for s in text.unicodeScalars where BracketRuns.openers.contains(s) {
            openers += 1
            if openers == 2 { break }
        }
        guard openers >= 2 else { return [] }
        let scalars = Array(text.unicodeScalars)
        var starts: [Int] = []
        var i = 0
        while i < scalars.count {
            guard BracketRuns.openers.contains(scalars[i]),
                  let close = scalars[(i + 1)...].prefix(24).firstIndex(where: BracketRuns.closers.contains) else { i += 1; continue }
            let inner = String(String.UnicodeScalarView(scalars[(i + 1)..<close])).trimming(" \u{3000}:：")
            let after = close + 1 < scalars.count ? scalars[close + 1] : nil
            let before = String(String.UnicodeScalarView(scalars[..<i])).trimming(" \u{3000}（(")
            let reference = after.map { "）)，,。、；;项".unicodeScalars.contains($0) } == true
                || detector.rules.endsWithReferenceLead(before)
            if !inner.isEmpty, !reference, detector.index.key(forBracketedHeading: detector.fold(inner)) != nil {
                starts.append(i)
            }
            i = close + 1
        }
        // Only a run: two catalogue headings or more on the line.
        return starts.count >= 2 ? starts : []
    }

    /// The line cut before each scalar offset, pieces trimmed, each with the line's number.
    static func cut(_ line: SourceLine, at starts: [Int]) -> [SourceLine] {
        let scalars = Array(line.text.unicodeScalars)
        let bounds = (starts.first == 0 ? [] : [0]) + starts + [scalars.count]
        var result: [SourceLine] = []
        for (a, b) in zip(bounds, bounds.dropFirst()) {
            let text = String(String.UnicodeScalarView(scalars[a..<b])).trimmingSpaces()
            guard !text.isEmpty else { continue }
            result.append(SourceLine(number: line.number, text: text, leadingSpace: a == 0 && line.leadingSpace,
                                     pageBreak: a == 0 && line.pageBreak, trailingSpace: b == scalars.count && line.trailingSpace))
        }
        return result
    }
}
