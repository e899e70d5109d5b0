/// Compares two versions of a label: sections by key (or heading), sentences within them by ICU
/// sentence boundaries on the folded text, so that re-wrapping and re-encoding change nothing;
/// a sentence removed in one place and added in another is a move; a removed and an added
/// sentence that share most of their words are one changed sentence, its words marked. Doses
/// and table cells are compared as numbers. Not thread-safe (it keeps a `TextFold`).
public final class LabelDiffer {
    let fold: TextFold

    public init() throws { fold = try TextFold.checked() }

    /// What the diff keeps of one version: its sections cut into sentences (each with its
    /// line), its doses and tables. Made one version at a time, so that the parse of the second
    /// does not sit beside all of the first (two 100 MB labels stay under 2 GB).
    public struct Side: Sendable {
        public let path: String
        fileprivate let sections: [Identified]
        fileprivate let doses: [Dose]
        fileprivate let tables: [Table]
    }

    public func side(_ document: ParsedDocument) -> Side {
        var seen: [String: Int] = [:]
        let sections = document.label.sections.map { s -> Identified in
            // A section's identity: its key, or its folded heading; a second one of the same counts on.
            let base = s.key ?? "heading:" + fold(s.heading)
            let n = seen[base, default: 0]
            seen[base] = n + 1
            return Identified(id: n == 0 ? base : "\(base)#\(n)", key: s.key, heading: s.heading, span: s.span,
                              sentences: sentences(s, lines: document.lines))
        }
        return Side(path: document.label.source.path, sections: sections, doses: document.label.doses, tables: document.label.tables)
    }

    public func diff(_ old: ParsedDocument, _ new: ParsedDocument) -> LabelDiffReport {
        diff(side(old), side(new))
    }

    public func diff(_ old: Side, _ new: Side) -> LabelDiffReport {
        let oldSections = old.sections, newSections = new.sections
        let newIndex = Dictionary(newSections.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let oldIndex = Dictionary(oldSections.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // Sections out of order: those outside the longest run that keeps the old order.
        let pairs = oldSections.enumerated().compactMap { o -> (old: Int, new: Int)? in newIndex[o.element.id].map { (o.offset, $0) } }
        let kept = LongestIncreasingRun.indexes(pairs.map(\.new))
        var moved = Set<Int>()
        for (i, p) in pairs.enumerated() where !kept.contains(i) { moved.insert(p.new) }

        var changes: [SectionChange] = []
        var removedSentences: [(section: Int, sentence: Sentence)] = []
        var addedSentences: [(section: Int, sentence: Sentence)] = []
        for (n, s) in newSections.enumerated() {
            guard let o = oldIndex[s.id] else {
                changes.append(SectionChange(kind: .added, moved: false, key: s.key, heading: s.heading,
                                             oldSpan: nil, newSpan: s.span, sentences: []))
                continue
            }
            let a = oldSections[o].sentences, b = s.sentences
            var change = SectionChange(kind: .unchanged, moved: moved.contains(n), key: s.key, heading: s.heading,
                                       oldSpan: oldSections[o].span, newSpan: s.span, sentences: [])
            for op in TokenDiff.diff(a.map(\.key), b.map(\.key)) {
                guard case .change(let ra, let rb) = op, !sameText(a[ra], b[rb]) else { continue }
                let (paired, removed, added) = pair(Array(a[ra]), Array(b[rb]))
                change.sentences += paired
                removedSentences += removed.map { (changes.count, $0) }
                addedSentences += added.map { (changes.count, $0) }
            }
            changes.append(change)
        }
        for s in oldSections where newIndex[s.id] == nil {
            changes.append(SectionChange(kind: .removed, moved: false, key: s.key, heading: s.heading,
                                         oldSpan: s.span, newSpan: nil, sentences: []))
        }
        // A sentence removed somewhere and added elsewhere, word for word, moved: removed
        // sentences by their folded text, the first of them taken first.
        var removedByKey: [Int: [Int]] = [:]
        for (i, r) in removedSentences.enumerated() { removedByKey[r.sentence.key, default: []].append(i) }
        var taken = Set<Int>()
        for (section, sentence) in addedSentences {
            if var candidates = removedByKey[sentence.key], !candidates.isEmpty {
                let i = candidates.removeFirst()
                removedByKey[sentence.key] = candidates
                taken.insert(i)
                let from = removedSentences[i]
                let fromHeading = from.section == section ? nil : changes[from.section].heading
                changes[section].sentences.append(SentenceChange(kind: .moved, old: from.sentence.text, new: sentence.text,
                                                                 oldLine: from.sentence.line, newLine: sentence.line,
                                                                 from: fromHeading, words: []))
            } else {
                changes[section].sentences.append(SentenceChange(kind: .added, old: nil, new: sentence.text, oldLine: nil,
                                                                 newLine: sentence.line, from: nil, words: []))
            }
        }
        for (i, (section, sentence)) in removedSentences.enumerated() where !taken.contains(i) {
            changes[section].sentences.append(SentenceChange(kind: .removed, old: sentence.text, new: nil, oldLine: sentence.line,
                                                             newLine: nil, from: nil, words: []))
        }
        for i in changes.indices where changes[i].kind == .unchanged && !changes[i].sentences.isEmpty {
            changes[i].kind = .changed
            changes[i].sentences.sort { ($0.newLine ?? $0.oldLine ?? 0) < ($1.newLine ?? $1.oldLine ?? 0) }
        }
        let reported = changes.filter { $0.kind != .unchanged || $0.moved }
        return LabelDiffReport(old: old.path, new: new.path, sections: reported,
                               numbers: doseChanges(old, new) + cellChanges(old, new))
    }

    // MARK: Sections and sentences

    fileprivate struct Identified: Sendable {
        var id: String
        var key: String?
        var heading: String
        var span: SourceSpan
        var sentences: [Sentence]
    }

    fileprivate struct Sentence: Sendable {
        var text: String
        /// The hash of the folded text: two versions of a 100 MB label keep only this of it.
        var key: Int
        var line: Int
    }

    private func sentences(_ section: Section, lines: [SourceLine]) -> [Sentence] {
        let locator = SectionLines(section, lines: lines)
        var result: [Sentence] = []
        var offset = 0
        for paragraph in section.text.split(separator: "\n", omittingEmptySubsequences: false) {
            for (text, at) in SentenceSplitter.sentences(String(paragraph)) {
                let trimmed = text.trimmingSpaces()
                let folded = fold(trimmed)
                guard !folded.isEmpty else { continue }
                let key = folded.hashValue
                let snippet = String(trimmed.prefix(12))
                result.append(Sentence(text: trimmed, key: key, line: locator.line(at: offset + at, snippet: snippet)))
            }
            offset += paragraph.unicodeScalars.count + 1
        }
        return result
    }

    /// Whether two runs of sentences say the same once joined: where a paragraph ends is a
    /// matter of line widths, so a copy wrapped at other places cuts a sentence in two (or
    /// joins two) where the other does not. Folded, so white space and Traditional characters
    /// count for nothing.
    private func sameText(_ a: ArraySlice<Sentence>, _ b: ArraySlice<Sentence>) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        return a.map { fold($0.text) }.joined() == b.map { fold($0.text) }.joined()
    }

    /// Removed and added sentences of one place: each removed sentence is paired with the added
    /// one that shares most of its words, when they share at least half. Candidates are the
    /// added sentences near the same relative place in the run, so a rewritten section of
    /// hundreds of sentences costs a few comparisons per sentence, not one per pair.
    private func pair(_ removed: [Sentence], _ added: [Sentence]) -> (changed: [SentenceChange], removed: [Sentence], added: [Sentence]) {
        guard !removed.isEmpty, !added.isEmpty else { return ([], removed, added) }
        var changed: [SentenceChange] = []
        var leftRemoved: [Sentence] = []
        var used = Set<Int>()
        let addedTexts = added.map { ComparableText($0.text, normalized: false, fold: fold) }
        for (i, r) in removed.enumerated() {
            let rt = ComparableText(r.text, normalized: false, fold: fold)
            let center = removed.count > 1 ? i * max(added.count - 1, 0) / (removed.count - 1) : 0
            var best: (index: Int, score: Double)?
            for j in max(0, center - 3)...min(added.count - 1, center + 3) where !used.contains(j) {
                let at = addedTexts[j]
                // Lengths far apart cannot share half their words.
                let (short, long) = (min(rt.tokens.count, at.tokens.count), max(rt.tokens.count, at.tokens.count))
                guard long == 0 || Double(2 * short) / Double(short + long) >= 0.5 else { continue }
                let score = Self.similarity(rt, at)
                if score >= 0.5, score > (best?.score ?? 0) { best = (j, score) }
            }
            guard let b = best else { leftRemoved.append(r); continue }
            used.insert(b.index)
            let a = added[b.index], at = addedTexts[b.index]
            let words = TokenDiff.diff(rt.tokens.map(\.text), at.tokens.map(\.text)).compactMap { op -> WordChange? in
                guard case .change(let x, let y) = op else { return nil }
                let context = rt.context(x, width: 6)
                return WordChange(old: rt.text(x), new: at.text(y), before: context.before, after: context.after)
            }
            changed.append(SentenceChange(kind: .changed, old: r.text, new: a.text, oldLine: r.line, newLine: a.line, from: nil, words: words))
        }
        return (changed, leftRemoved, added.indices.filter { !used.contains($0) }.map { added[$0] })
    }

    /// Twice the shared tokens over both lengths.
    private static func similarity(_ a: ComparableText, _ b: ComparableText) -> Double {
        let total = a.tokens.count + b.tokens.count
        guard total > 0 else { return 1 }
        let shared = TokenDiff.diff(a.tokens.map(\.text), b.tokens.map(\.text)).reduce(0) { sum, op in
            if case .equal(let r, _) = op { return sum + r.count }
            return sum
        }
        return Double(2 * shared) / Double(total)
    }

    // MARK: Numbers

    /// Doses of the same drug in the same section, in order: a change of amount, frequency,
    /// route or maximum is a number change; a dose only one version has is one too.
    private func doseChanges(_ old: Side, _ new: Side) -> [NumberChange] {
        var result: [NumberChange] = []
        let sections = Set(old.doses.compactMap(\.section) + new.doses.compactMap(\.section))
        func heading(_ side: Side, _ key: String) -> String { side.sections.first { $0.key == key }?.heading ?? key }
        for key in sections.sorted() {
            let a = old.doses.filter { $0.section == key }, b = new.doses.filter { $0.section == key }
            // Compared on folded forms: a copy in Traditional characters writes the same dose.
            let fold = { (text: String?) in text.map(self.fold.fold) ?? "" }
            let keyed = { (d: Dose) in "\(fold(d.drug))|\(d.amountText)|\(fold(d.frequency))|\(fold(d.route))|\(fold(d.maximum?.text))" }
            for op in TokenDiff.diff(a.map(keyed), b.map(keyed)) {
                guard case .change(let ra, let rb) = op else { continue }
                let x = Array(a[ra]), y = Array(b[rb])
                for i in 0..<max(x.count, y.count) {
                    let o = i < x.count ? x[i] : nil, n = i < y.count ? y[i] : nil
                    let context = "\((n ?? o)!.drug) 【\(heading(n == nil ? old : new, key))】"
                    func change(_ what: String, _ f: (Dose) -> String?) {
                        let ov = o.flatMap(f), nv = n.flatMap(f)
                        if fold(ov) != fold(nv) || (ov == nil) != (nv == nil) { result.append(NumberChange(what: what, context: context, old: ov, new: nv,
                                                                 oldLine: o?.span.startLine, newLine: n?.span.startLine)) }
                    }
                    if o == nil || n == nil {
                        result.append(NumberChange(what: "dose", context: context, old: o.map { "\($0.text) (\($0.amountText))" },
                                                   new: n.map { "\($0.text) (\($0.amountText))" },
                                                   oldLine: o?.span.startLine, newLine: n?.span.startLine))
                        continue
                    }
                    change("dose") { $0.amountText }
                    change("frequency") { $0.frequency }
                    change("route") { $0.route }
                    change("maximum") { $0.maximum?.text }
                }
            }
        }
        return result
    }

    /// Numeric cells of the same table, row (group and label) and column whose value or text
    /// changed.
    private func cellChanges(_ old: Side, _ new: Side) -> [NumberChange] {
        var result: [NumberChange] = []
        // Tables by id and section, the n-th of the same name with the n-th (a long document may
        // repeat `表 1`).
        func keyed(_ tables: [Table]) -> [(key: String, table: Table)] {
            var seen: [String: Int] = [:]
            return tables.map { t in
                let base = "\(self.fold(t.id))|\(t.section ?? "")"
                let n = seen[base, default: 0]
                seen[base] = n + 1
                return ("\(base)|\(n)", t)
            }
        }
        let oldTables = Dictionary(keyed(old.tables).map { ($0.key, $0.table) }, uniquingKeysWith: { a, _ in a })
        for (key, t) in keyed(new.tables) {
            guard let u = oldTables[key] else { continue }
            var oldRows: [String: Table.Row] = [:]
            // Rows by their folded group and label: Traditional characters name the same row.
            let rowKey = { (r: Table.Row) in "\(self.fold(r.group ?? ""))|\(self.fold(r.label))" }
            for r in u.rows { oldRows[rowKey(r)] = oldRows[rowKey(r)] ?? r }
            for r in t.rows {
                guard let o = oldRows[rowKey(r)] else { continue }
                for c in 0..<max(r.cells.count, o.cells.count) {
                    let before = c < o.cells.count ? o.cells[c] : nil, after = c < r.cells.count ? r.cells[c] : nil
                    // Numbers only: the words of a prose cell are the section's sentences.
                    guard before?.value != nil || after?.value != nil,
                          before.map({ self.fold($0.raw) }) != after.map({ self.fold($0.raw) })
                            || before?.value != after?.value else { continue }
                    let column = c < t.columns.count ? t.columns[c].joined(separator: " · ") : "column \(c + 1)"
                    result.append(NumberChange(what: "table cell", context: "\(t.id) \(r.label) · \(column)", old: before?.raw, new: after?.raw,
                                               oldLine: o.span.startLine, newLine: r.span.startLine))
                }
            }
        }
        return result
    }
}
