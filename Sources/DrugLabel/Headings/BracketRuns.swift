import Foundation

/// A label flattened with its brackets kept (`【药品名称】阿莫西林胶囊 【成份】… 【性状】…` on one
/// line, as a web page's text loses its line breaks): each line that holds two or more catalogue
/// headings in brackets is cut before each of them, every piece keeping the line's number, so
/// that each heading starts a line as `HeadingDetector` expects. A bracket inside a sentence that
/// names a section (`（见【注意事项】）`, `详见【不良反应】。`, `参见【用法用量】项下`) is no heading.
struct BracketRuns {
    let detector: HeadingDetector

    private static let openers = ScalarSet("【〖")
    private static let closers = ScalarSet("】〗")

    /// The lines with runs cut, or the same lines when there are none. Each line is looked at
    /// on its own, so `pieces` runs of lines are looked at on all cores.
    func split(_ lines: [SourceLine], pieces: Int = 1) -> [SourceLine] {
        let cuts = lines.indices.pieces(about: pieces).orderedConcurrentMap { range in
            range.compactMap { i -> (line: Int, starts: [Int])? in
                let starts = headingStarts(lines[i].text)
                return starts.isEmpty ? nil : (i, starts)
            }
        }.flatMap { $0 }
        guard !cuts.isEmpty else { return lines }
        var result: [SourceLine] = []
        var next = 0
        for (i, starts) in cuts {
            result += lines[next..<i]
            result += BracketRuns.cut(lines[i], at: starts)
            next = i + 1
        }
        result += lines[next...]
        return result
    }

    /// Scalar offsets of the catalogue headings in brackets inside a line that holds two or more.
    private func headingStarts(_ text: String) -> [Int] {
        // Most lines hold no second bracket: count openers before taking the line apart.
        guard BracketRuns.hasTwoOpeners(text) else { return [] }
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

    /// Whether the line holds 【 or 〖 twice, looked for in its UTF-8 bytes (E3 80 90 and
    /// E3 80 96): every line of every document passes here, and scalars cost more. The lead
    /// byte is found by memchr: Han text is E4–E9, and E3 stands only before CJK punctuation
    /// (`。`, `、`, brackets), a few a line; the byte loop was 1.4% of a large label's parse.
    static func hasTwoOpeners(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count >= 6 else { return false }
        if let found = utf8.withContiguousStorageIfAvailable({ b -> Bool in
            guard let base = b.baseAddress else { return false }
            var openers = 0
            var i = 0
            let n = b.count
            while i + 2 < n, let hit = memchr(base + i, 0xE3, n - 2 - i) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if b[i + 1] == 0x80, b[i + 2] == 0x90 || b[i + 2] == 0x96 {
                    openers += 1
                    if openers == 2 { return true }
                    i += 3
                } else {
                    i += 1
                }
            }
            return false
        }) {
            return found
        }
        return text.unicodeScalars.lazy.filter { BracketRuns.openers.contains($0) }.prefix(2).count == 2
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
