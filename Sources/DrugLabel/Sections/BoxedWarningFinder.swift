/// Finds the boxed warning (`警告：…` with bullet items) wherever the PDF laid it, often in the
/// middle of another section's sentence, and takes its lines out of that section.
struct BoxedWarningFinder {
    let titles: [String]
    let fold: TextFold
    let rules: TextRules
    let metadata: MetadataRules
    /// The document's layout when it is known from its structure (a .docx's paragraphs); else
    /// measured from the lines at hand.
    var layout: Layout? = nil
    /// How many lines an item may run before the next bullet and still be in the box.
    private let maxItemLines = 8

    struct Found {
        var warning: BoxedWarning
        /// Indices (into the region's lines) that belong to the box.
        var lines: Set<Int>
    }

    /// - Parameter requireBullets: inside a section a box is only believed when bullet items
    ///   follow its title; in the preamble a title alone is enough.
    func find(in lines: [SourceLine], requireBullets: Bool) -> Found? {
        find(in: lines[...], requireBullets: requireBullets)
    }

    /// `lines` by their indices in the slice: `Found.lines` holds those indices.
    func find(in lines: ArraySlice<SourceLine>, requireBullets: Bool) -> Found? {
        let content = lines.indices.filter { !lines[$0].isBlank }
        guard let t = content.firstIndex(where: { isTitle(lines[$0].text) }) else { return nil }
        let titleIndex = content[t]
        let after = Array(content[(t + 1)...])
        let startsWithBullet = after.first.map { isBullet(lines[$0].text) } ?? false
        if requireBullets && !startsWithBullet { return nil }
        guard startsWithBullet else {
            // A box of plain paragraphs in the preamble: everything up to the first section, or
            // up to the title, notice or dates where a label prints the box above them.
            let body = Array(after.prefix { !isPreambleLine(lines[$0].text) })
            let joiner = WrapJoiner(layout: layout ?? Layout(measuring: Array(lines)), rules: rules)
            let items = joiner.paragraphs(body.map { lines[$0] })
            let end = body.last ?? titleIndex
            return Found(warning: BoxedWarning(title: lines[titleIndex].text, paragraphs: items,
                                               span: SourceSpan(startLine: lines[titleIndex].number, endLine: lines[end].number)),
                         lines: Set([titleIndex] + body))
        }
        // The box runs while bullets keep coming; the last item ends with its first closing
        // cross-reference (`…。（见【注意事项】）`), or failing that its first full stop.
        var bullets: [Int] = []
        for (k, idx) in after.enumerated() where isBullet(lines[idx].text) {
            if let last = bullets.last, k - last > maxItemLines { break }
            bullets.append(k)
        }
        let lastBullet = bullets.last!
        let tail = Array(after[lastBullet...].prefix(maxItemLines))
        let tailTexts = tail.map { lines[$0].text }
        var endK = lastBullet
        if let r = tailTexts.firstIndex(where: closesWithReference) {
            endK = lastBullet + r
        } else if let s = tailTexts.firstIndex(where: { $0.last.map(rules.sentenceEnd.contains) ?? false }) {
            endK = lastBullet + s
        }
        var items: [Paragraph] = []
        for (n, k) in bullets.enumerated() {
            let stop = n + 1 < bullets.count ? bullets[n + 1] - 1 : endK
            var item: Paragraph?
            for idx in after[k...stop] {
                let line = lines[idx]
                let piece = idx == after[k] ? String(line.text.dropFirst(rules.bulletMark.count)).trimmingSpaces() : line.text
                if item == nil { item = Paragraph(text: piece, span: line.span) } else { WrapJoiner.extend(&item!, with: line) }
            }
            if let item { items.append(item) }
        }
        let boxLines = [titleIndex] + Array(after[...endK])
        return Found(warning: BoxedWarning(title: lines[titleIndex].text, paragraphs: items,
                                           span: SourceSpan(startLine: lines[titleIndex].number,
                                                            endLine: lines[after[endK]].number)),
                     lines: Set(boxLines))
    }

    func isTitle(_ text: String) -> Bool {
        // Folding through ICU costs microseconds a line; a title starts with a title's first
        // character (Traditional titles 警告/警示語 share it), so check that first.
        guard let first = text.firstScalar, titles.contains(where: { $0.firstScalar == first }),
              text.utf8.count <= 240 else { return false }
        let folded = fold(String(text.prefix(8)))
        return titles.contains { title in
            guard folded.hasPrefix(title) else { return false }
            let after = folded.dropFirst(title.count)
            return after.isEmpty || after.hasPrefix(":") || after.hasPrefix("：")
        }
    }

    private func isBullet(_ text: String) -> Bool { text.hasPrefix(rules.bulletMark) }

    /// The title (`…说明书`), the notice (`请仔细阅读说明书…`: a title's word and one a title never
    /// holds) or a date line of the preamble, by the words of metadata.json.
    private func isPreambleLine(_ text: String) -> Bool {
        let folded = fold(text)
        let title = metadata.title
        if title.endings.contains(where: { folded.hasSuffix($0) }), text.count <= title.maxLength { return true }
        if title.notWords.contains(where: { folded.contains($0) }), title.endings.contains(where: { folded.contains($0) }) { return true }
        return metadata.dates.dateWords.contains { folded.contains($0) }
    }

    private func closesWithReference(_ text: String) -> Bool {
        text.hasSuffix("】）") || text.hasSuffix("】)") || text.hasSuffix("】。") || text.hasSuffix("】）。")
    }
}
