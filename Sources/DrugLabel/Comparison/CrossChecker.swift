/// Compares what a document quotes from a label (an application form's or a slide deck's label
/// fields: names, holder, approval number, first approval, strengths, indications, dosage) with
/// the label itself: equal, equal after normalization, or different with the words that differ
/// and the lines on both sides. Not thread-safe (it keeps a `Folder`).
public final class CrossChecker {
    let rules: CrossCheckRules
    let catalogue: SectionCatalogue
    let folder: Folder

    public init(rules: CrossCheckRules = .standard, catalogue: SectionCatalogue = .standard) throws {
        self.rules = rules
        self.catalogue = catalogue
        folder = try Folder()
    }

    public func check(_ document: ParsedDocument, against label: ParsedDocument) -> CrossCheckReport {
        var comparisons = facts(document.label, label.label)
        for section in document.label.sections {
            guard let key = section.key else { continue }
            comparisons.append(compare(section, of: document, key: key, with: label))
        }
        comparisons += summaries(document.label)
        let ordered = comparisons.enumerated().sorted { a, b in
            (a.element.span?.startLine ?? Int.max, a.offset) < (b.element.span?.startLine ?? Int.max, b.offset)
        }.map(\.element)
        var warning: String?
        if let a = document.label.metadata.genericName, let b = label.label.metadata.genericName {
            let x = folder.fold(a), y = folder.fold(b)
            if !x.contains(y) && !y.contains(x) {
                warning = "the document is about \(a) and the label about \(b): is this the label it quotes?"
            }
        }
        return CrossCheckReport(path: document.label.source.path, labelPath: label.label.source.path, warning: warning, comparisons: ordered)
    }

    // MARK: Facts

    private func facts(_ doc: Label, _ label: Label) -> [Comparison] {
        var result: [Comparison] = []
        let d = doc.metadata, l = label.metadata
        let names: [(what: String, name: String, here: String?, there: String?, span: SourceSpan?, labelSpan: SourceSpan?)] = [
            ("genericName", "通用名称", d.genericName, l.genericName, d.spans["genericName"], l.spans["genericName"]),
            ("englishName", "英文名称", d.englishName, l.englishName, d.spans["englishName"], l.spans["englishName"]),
            ("tradeName", "商品名称", d.tradeName, l.tradeName, d.spans["tradeName"], l.spans["tradeName"]),
            ("holder", "上市许可持有人", d.holder?.name, l.holder?.name, d.holder?.span, l.holder?.span),
            ("manufacturer", "生产企业", d.manufacturer?.name, l.manufacturer?.name, d.manufacturer?.span, l.manufacturer?.span),
        ]
        for n in names {
            guard let here = n.here, let there = n.there else { continue }
            var c = Comparison(what: n.what, name: n.name, labelName: n.name, verdict: .equal, value: here, labelValue: there,
                               note: nil, span: n.span, labelSpan: n.labelSpan, numbers: nil, differences: [])
            let a = ComparableText(here, normalized: false, folder: folder), b = ComparableText(there, normalized: false, folder: folder)
            if a.tokens.map(\.text) != b.tokens.map(\.text) {
                c.verdict = .different
                c.differences = differences(a, b, line: { _, _ in n.span?.startLine }, labelLine: { _, _ in n.labelSpan?.startLine })
            }
            result.append(c)
        }
        result += approvalNumbers(doc, label)
        if let first = firstApproval(doc, label) { result.append(first) }
        return result
    }

    private func approvalNumbers(_ doc: Label, _ label: Label) -> [Comparison] {
        guard !doc.metadata.approvalNumbers.isEmpty else { return [] }
        let span = doc.metadata.spans["approvalNumbers"]
        let numbers = doc.metadata.approvalNumbers.map(folder.fold)
        let field = doc.fields.first { f in
            let value = folder.fold(f.value)
            return numbers.contains { value.contains($0) }
        }
        let quoted = field?.value ?? doc.metadata.approvalNumbers.joined(separator: "；")
        let name = field?.name ?? "批准文号"
        let theirs = label.metadata.approvalNumbers
        guard !theirs.isEmpty else {
            return [Comparison(what: "approvalNumber", name: name, labelName: "批准文号", verdict: .notCompared, value: quoted, labelValue: nil,
                               note: "the label gives no approval number", span: span, labelSpan: nil, numbers: nil, differences: [])]
        }
        let folded = folder.fold(quoted)
        let verdict: Comparison.Verdict
        if theirs.map(folder.fold).joined() == folded || theirs.map(folder.fold) == [folded] {
            verdict = .equal
        } else if theirs.allSatisfy({ folded.contains(folder.fold($0)) }) {
            verdict = .contains
        } else {
            verdict = .different
        }
        return [Comparison(what: "approvalNumber", name: name, labelName: "批准文号", verdict: verdict, value: quoted,
                           labelValue: theirs.joined(separator: "；"),
                           note: verdict == .contains ? "holds the label's \(theirs.joined(separator: "、"))" : nil,
                           span: span, labelSpan: label.metadata.spans["approvalNumbers"], numbers: nil, differences: [])]
    }

    private func firstApproval(_ doc: Label, _ label: Label) -> Comparison? {
        let wanted = rules.firstApprovalFields.map(folder.fold)
        guard let field = doc.fields.first(where: { wanted.contains(folder.fold($0.name)) }) else { return nil }
        var c = Comparison(what: "firstApproval", name: field.name, labelName: "核准日期", verdict: .notCompared, value: field.value,
                           labelValue: label.metadata.approvalDate, note: nil, span: field.span,
                           labelSpan: label.metadata.spans["approvalDate"], numbers: nil, differences: [])
        guard let approved = label.metadata.approvalDate else {
            c.note = "the label gives no 核准日期 to compare with"
            return c
        }
        // `2021年6月22日` or `2021-06`, compared to the precision it is written with.
        let digits = field.value.split { !$0.isNumber }.map(String.init)
        guard let year = digits.first, year.count == 4 else {
            c.note = "not a date"
            return c
        }
        let parts = [year] + digits.dropFirst().prefix(2).map { $0.count == 1 ? "0" + $0 : $0 }
        let iso = parts.joined(separator: "-")
        c.verdict = approved.hasPrefix(iso) ? (approved == iso ? .equal : .contains) : .different
        if c.verdict == .contains { c.note = "agrees to the \(parts.count == 2 ? "month" : "year")" }
        return c
    }

    // MARK: Sections

    private func compare(_ section: Section, of document: ParsedDocument, key: String, with label: ParsedDocument) -> Comparison {
        let heading = catalogue.entry(key)?.headings.first ?? key
        guard let theirs = label.label.sections.first(where: { $0.key == key }) else {
            return Comparison(what: key, name: section.heading, labelName: heading, verdict: .notCompared, value: nil, labelValue: nil,
                              note: "the label has no 【\(heading)】", span: section.span, labelSpan: nil, numbers: nil, differences: [])
        }
        var c = Comparison(what: key, name: section.heading, labelName: theirs.heading, verdict: .equal, value: nil, labelValue: nil,
                           note: nil, span: section.span, labelSpan: theirs.span, numbers: nil, differences: [])
        let hereLines = SectionLines(section, lines: document.lines), labelLines = SectionLines(theirs, lines: label.lines)
        let line = { (text: ComparableText, tokens: Range<Int>) in hereLines.line(at: text.offset(tokens), snippet: Self.snippet(text, tokens)) }
        let labelLine = { (text: ComparableText, tokens: Range<Int>) in labelLines.line(at: text.offset(tokens), snippet: Self.snippet(text, tokens)) }
        let a = ComparableText(section.text, normalized: false, folder: folder), b = ComparableText(theirs.text, normalized: false, folder: folder)
        if a.tokens.map(\.text) != b.tokens.map(\.text) {
            let na = ComparableText(section.text, normalized: true, folder: folder), nb = ComparableText(theirs.text, normalized: true, folder: folder)
            if na.tokens.map(\.text) == nb.tokens.map(\.text) {
                c.verdict = .equalAfterNormalization
                let examples = differences(a, b, line: line, labelLine: labelLine)
                var seen = Set<String>()
                let distinct = examples.filter { seen.insert("\($0.here)|\($0.label)").inserted }
                // With the character before a bare punctuation mark, so that `1、` reads as a list mark.
                c.note = distinct.prefix(rules.examples).map { d in
                    let lead = ComparableText.isWordScalar(d.before.unicodeScalars.last ?? " ") ? String(d.before.suffix(1)) : ""
                    return "“\(lead + d.here)” here, “\(lead + d.label)” in the label"
                }.joined(separator: "; ")
                    + (distinct.count > rules.examples ? "; \(distinct.count - rules.examples) more alike" : "")
            } else {
                c.verdict = .different
                c.differences = differences(na, nb, line: line, labelLine: labelLine)
            }
        }
        c.numbers = numbers(document.label.doses.filter { $0.section == key && $0.span.startLine >= section.span.startLine && $0.span.endLine <= section.span.endLine },
                            label.label.doses.filter { $0.section == key })
        return c
    }

    /// Fields named like a label section with a summary mark (`用法用量 (概述)`): written for
    /// the document, so not compared, and said so.
    private func summaries(_ doc: Label) -> [Comparison] {
        let quoted = Set(doc.sections.map(\.span.startLine))
        var result: [Comparison] = []
        for field in doc.fields where !quoted.contains(field.span.startLine) {
            let name = folder.fold(field.name)
            guard rules.summaryMarkers.contains(where: { name.contains(folder.fold($0)) }),
                  let entry = catalogue.entries.first(where: { $0.headings.contains { name.contains(folder.fold($0)) } }) else { continue }
            result.append(Comparison(what: entry.key, name: field.name, labelName: entry.headings.first, verdict: .notCompared, value: nil,
                                     labelValue: nil, note: "a summary written for this document, not the label's text",
                                     span: field.span, labelSpan: nil, numbers: nil, differences: []))
        }
        return result
    }

    // MARK: Helpers

    /// The changed runs of two token lists, as written on each side.
    private func differences(_ a: ComparableText, _ b: ComparableText,
                             line: (ComparableText, Range<Int>) -> Int?, labelLine: (ComparableText, Range<Int>) -> Int?) -> [Difference] {
        TokenDiff.diff(a.tokens.map(\.text), b.tokens.map(\.text)).compactMap { op in
            guard case .change(let ra, let rb) = op else { return nil }
            let context = a.context(ra)
            return Difference(here: a.text(ra), label: b.text(rb), before: context.before, after: context.after,
                              line: line(a, ra), labelLine: labelLine(b, rb))
        }
    }

    /// The words where a change is, to find its line: a few before it and the changed text
    /// (or those after it, when nothing is there on this side).
    private static func snippet(_ text: ComparableText, _ tokens: Range<Int>) -> String {
        let context = text.context(tokens, width: 6)
        let changed = text.text(tokens)
        return context.before + (changed.isEmpty ? String(context.after.prefix(3)) : String(changed.prefix(6)))
    }

    /// Whether the dosing statements of two sections say the same numbers.
    private func numbers(_ here: [Dose], _ there: [Dose]) -> String? {
        guard !here.isEmpty || !there.isEmpty else { return nil }
        func key(_ d: Dose) -> String {
            DoseTable.amount(d) + (d.maximum.map { " (maximum \(DoseTable.format($0.amount.value ?? $0.amount.high ?? 0)) \($0.unit)\($0.per.map { "/\($0)" } ?? ""))" } ?? "")
        }
        let a = here.map(key), b = there.map(key)
        if Set(a) == Set(b) { return "agree: " + Self.unique(a).joined(separator: "; ") }
        let missing = Self.unique(b.filter { !a.contains($0) }), extra = Self.unique(a.filter { !b.contains($0) })
        return "differ: " + (extra.isEmpty ? "" : "only here \(extra.joined(separator: "; "))")
            + (extra.isEmpty || missing.isEmpty ? "" : "; ") + (missing.isEmpty ? "" : "only in the label \(missing.joined(separator: "; "))")
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
