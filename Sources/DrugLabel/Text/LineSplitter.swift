/// Splits decoded text into physical lines numbered as in the original file (LF, CRLF and CR
/// all end a line) and repairs each one.
struct LineSplitter: Sendable {
    let repairer: LineRepairer

    func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        lines.reserveCapacity(text.utf8.count / 24)
        var number = 1
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                lines.append(line(text[start..<i], number))
                number += 1
                var next = utf8.index(after: i)
                if b == UInt8(ascii: "\r"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    next = utf8.index(after: next)
                }
                start = next
                i = next
            } else {
                i = utf8.index(after: i)
            }
        }
        if start != utf8.endIndex { lines.append(line(text[start...], number)) }
        return lines
    }

    private func line(_ raw: Substring, _ number: Int) -> SourceLine {
        let (text, leadingSpace) = repairer.repair(raw)
        return SourceLine(number: number, text: text, leadingSpace: leadingSpace)
    }
}
