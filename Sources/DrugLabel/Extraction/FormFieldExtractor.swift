/// Reads the key/value fields of an application form: several pairs on one line
/// (`药品类别 西药 是否为独家 是`), names wrapped over lines, values wrapped onto the lines after.
struct FormFieldExtractor {
    let vocabulary: FormVocabulary

    /// A field before de-duplication, with the lines its value came from.
    struct RawField {
        var name: String
        var value: String
        var span: SourceSpan
        /// Where each line of the value starts in it, while the value is made of whole wrapped
        /// lines; nil once a piece that can't be placed is put in.
        var starts: [Paragraph.LineStart]?

        init(name: String, value: String, span: SourceSpan, starts: [Paragraph.LineStart]? = nil) {
            self.name = name
            self.value = value
            self.span = span
            self.starts = starts
        }

        /// The value as a paragraph that knows its lines, when `starts` does.
        var paragraph: Paragraph? {
            guard let starts, !starts.isEmpty else { return nil }
            var p = Paragraph(text: value, span: span, lineCount: starts.count)
            p.lineStarts = starts
            return p
        }

        /// Scalars in `value` as of the last `append`, so a value of many lines is not counted
        /// again at each.
        private var counted: (utf8: Int, scalars: Int)? = nil

        /// A wrapped line of the value, appended as `WrapJoiner` joins lines.
        mutating func append(_ piece: String, line: Int) {
            if value.isEmpty {
                value = piece
                starts = [.init(offset: 0, line: line)]
                counted = nil
                return
            }
            let before = counted.map { $0.utf8 == value.utf8.count ? $0.scalars : nil } ?? nil
            let had = before ?? value.unicodeScalars.count
            let spaced = WrapJoiner.spaced(value.lastScalar, piece.firstScalar)
            WrapJoiner.append(&value, piece)
            let offset = had + (spaced ? 1 : 0)
            starts?.append(.init(offset: offset, line: line))
            counted = (value.utf8.count, offset + piece.unicodeScalars.count)
        }
    }

    /// How many lines a wrapped field name may run over (seed 003 has names of nine lines).
    private let nameWindow = 12
    /// A value longer than this, or one with sentence punctuation, is prose: names inside it
    /// are words of the prose, not new fields.
    private let shortValue = 40

    func extract(_ allLines: [SourceLine]) -> (fields: [RawField], footnotes: [FootnoteLifter.Block], unassigned: [SourceLine]) {
        let footnotes = FootnoteLifter(vocabulary: vocabulary).lift(allLines)
        let lifted = Set(footnotes.flatMap(\.indices))
        let lines = allLines.enumerated().filter { !lifted.contains($0.offset) && !$0.element.isBlank }.map(\.element)

        var fields: [RawField] = []
        var unassigned: [SourceLine] = []
        var open: Int?  // index in `fields` of the field whose value may continue
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if vocabulary.isFormHeading(line) {
                open = nil
                i += 1
                continue
            }
            var window = Array(lines[i..<min(lines.count, i + nameWindow)])
            // The PDF may lay a field's attachment (`下载文件 X.pdf`) in the middle of its wrapped
            // name: match the name without it, and read it as the value.
            var attachment: SourceLine?
            if matchName(window) == nil, let a = window.dropFirst().firstIndex(where: isAttachment) {
                var rest = window
                let removed = rest.remove(at: a)
                if let (stream, m) = matchName(rest), stream.origins[m.end - 1].line >= a {
                    attachment = removed
                    window = rest
                }
            }
            guard let (stream, m) = matchName(window) else {
                if let f = open {
                    fields[f].append(clean(line.text), line: line.number)
                    fields[f].span = fields[f].span.union(line.span)
                } else {
                    unassigned.append(line)
                }
                i += 1
                continue
            }
            let lastLine = m.end > 0 ? stream.origins[m.end - 1].line : 0
            var name = ""
            for l in 0...lastLine {
                let upTo = l == lastLine ? stream.offset(m.end, inLine: l) : nil
                name = WrapJoiner.join(name, stream.original(line: l, fromOffset: 0, toOffset: upTo))
            }
            let nameSpan = SourceSpan(startLine: window[0].number, endLine: window[lastLine].number)
            let remainder = stream.original(line: lastLine, fromOffset: stream.offset(m.end, inLine: lastLine))
            let pairs = splitPairs(firstName: name, remainder: remainder)
            for (k, pair) in pairs.enumerated() {
                fields.append(RawField(name: pair.name, value: clean(pair.value),
                                       span: k == 0 ? nameSpan : window[lastLine].span,
                                       starts: [.init(offset: 0, line: window[lastLine].number)]))
            }
            if let attachment, fields[fields.count - 1].value.isEmpty {
                fields[fields.count - 1].append(clean(attachment.text), line: attachment.number)
            }
            open = fields.count - 1
            i += lastLine + 1 + (attachment == nil ? 0 : 1)
        }
        return (fields, footnotes, unassigned)
    }

    private func isAttachment(_ line: SourceLine) -> Bool {
        let folded = line.folded
        return vocabulary.attachmentLabels.contains { folded.hasPrefix($0) }
    }

    /// A field name at the start of `window`'s first line, on that line alone or wrapped over
    /// the next ones. The window is folded only when the first line could begin a name.
    private func matchName(_ window: [SourceLine]) -> (FoldedText, FormVocabulary.Match)? {
        guard let first = window.first, vocabulary.mayStartName(first.text) else { return nil }
        let single = FoldedText([first.text])
        if let m = vocabulary.match(single, at: 0) { return (single, m) }
        guard window.count > 1, vocabulary.isPrefixOfName(single.scalars) else { return nil }
        let stream = FoldedText(window.map(\.text))
        return vocabulary.match(stream, at: 0).map { (stream, $0) }
    }

    /// `阿基仑赛注射液 医保药品分类与代码 XL01…` after the first name: further pairs on the line.
    private func splitPairs(firstName: String, remainder: String) -> [(name: String, value: String)] {
        let stream = FoldedText([remainder])
        var pairs: [(name: String, value: String)] = [(firstName, "")]
        var valueStart = 0
        var p = 0
        let offsets = { (q: Int) in stream.offset(q, inLine: 0) }
        while p < stream.scalars.count {
            if p > valueStart, stream.spaceBefore[p], p - valueStart <= shortValue,
               !stream.scalars[valueStart..<p].contains(where: { "，。；,;".unicodeScalars.contains($0) }),
               let m = vocabulary.match(stream, at: p) {
                pairs[pairs.count - 1].value = stream.original(line: 0, fromOffset: offsets(valueStart), toOffset: offsets(p))
                pairs.append((stream.original(line: 0, fromOffset: offsets(p), toOffset: offsets(m.end)), ""))
                valueStart = m.end
                p = m.end
                continue
            }
            p += 1
        }
        let startOffset = valueStart == 0 ? 0 : offsets(valueStart)
        pairs[pairs.count - 1].value = stream.original(line: 0, fromOffset: startOffset)
        return pairs.map { ($0.name.trimmingSpaces(), $0.value) }
    }

    /// A value without the colon after its name and without the form's `下载文件` button label.
    private func clean(_ value: String) -> String {
        var v = value.trimming(" \u{3000}")
        if v.hasPrefix("：") || v.hasPrefix(":") { v = String(v.dropFirst()).trimmingSpaces() }
        for label in vocabulary.attachmentLabels {
            // Only the opening is folded (`下載文件` is the label too); the fold keeps scalar counts.
            let length = label.unicodeScalars.count
            guard RuleFold.fold(String(v.unicodeScalars.prefix(length))) == label else { continue }
            v = String(v.unicodeScalars.dropFirst(length)).trimmingSpaces()
        }
        return v
    }
}
