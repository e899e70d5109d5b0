/// Compares what a document quotes from a label (an application form's or a slide deck's label
/// fields: names, holder, approval number, first approval, strengths, indications, dosage) with
/// the label itself: equal, equal after normalization, or different with the words that differ
/// and the lines on both sides. Not thread-safe (it keeps a `TextFold`).
public final class CrossChecker {
    let rules: CrossCheckRules
    let catalogue: SectionCatalogue
    let fold: TextFold

    public init(rules: CrossCheckRules = .standard, catalogue: SectionCatalogue = .standard) throws {
        self.rules = rules
        self.catalogue = catalogue
        fold = try TextFold.checked()
    }

    public func check(_ document: ParsedDocument, against label: ParsedDocument) -> CrossCheckReport {
        var comparisons = facts(document.label, label.label)
        // Everything of the label a section is compared with is made once per key, and each
        // document section only costs its own length: a document that quotes the same heading
        // thousands of times stays linear.
        var context = SectionContext(document: document, label: label)
        for section in document.label.sections {
            guard let key = section.key else { continue }
            comparisons.append(compare(section, of: document, key: key, with: label, context: &context))
        }
        comparisons += summaries(document.label)
        let ordered = comparisons.enumerated().sorted { a, b in
            (a.element.span?.startLine ?? Int.max, a.offset) < (b.element.span?.startLine ?? Int.max, b.offset)
        }.map(\.element)
        var warning: String?
        if let a = document.label.metadata.genericName, let b = label.label.metadata.genericName {
            let x = fold(a), y = fold(b)
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
            ("genericName", "通用名称", d.genericName, l.genericName, d.$genericName.span, l.$genericName.span),
            ("englishName", "英文名称", d.englishName, l.englishName, d.$englishName.span, l.$englishName.span),
            ("tradeName", "商品名称", d.tradeName, l.tradeName, d.$tradeName.span, l.$tradeName.span),
            ("holder", "上市许可持有人", d.holder?.name, l.holder?.name, d.holder?.span, l.holder?.span),
            ("manufacturer", "生产企业", d.manufacturer?.name, l.manufacturer?.name, d.manufacturer?.span, l.manufacturer?.span),
        ]
        for n in names {
            guard let here = n.here, let there = n.there else { continue }
            var c = Comparison(what: n.what, name: n.name, labelName: n.name, verdict: .equal, value: here, labelValue: there,
                               note: nil, span: n.span, labelSpan: n.labelSpan, numbers: nil, differences: [])
            let a = ComparableText(here, normalized: false, fold: fold), b = ComparableText(there, normalized: false, fold: fold)
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
        let span = doc.metadata.$approvalNumbers.span
        let numbers = doc.metadata.approvalNumbers.map(fold.fold)
        let field = doc.fields.first { f in
            let value = fold(f.value)
            return numbers.contains { value.contains($0) }
        }
        let quoted = field?.value ?? doc.metadata.approvalNumbers.joined(separator: "；")
        let name = field?.name ?? "批准文号"
        let theirs = label.metadata.approvalNumbers
        guard !theirs.isEmpty else {
            return [Comparison(what: "approvalNumber", name: name, labelName: "批准文号", verdict: .notCompared, value: quoted, labelValue: nil,
                               note: "the label gives no approval number", span: span, labelSpan: nil, numbers: nil, differences: [])]
        }
        let folded = fold(quoted)
        let verdict: Comparison.Verdict
        if theirs.map(fold.fold).joined() == folded || theirs.map(fold.fold) == [folded] {
            verdict = .equal
        } else if theirs.allSatisfy({ folded.contains(fold($0)) }) {
            verdict = .contains
        } else {
            verdict = .different
        }
        return [Comparison(what: "approvalNumber", name: name, labelName: "批准文号", verdict: verdict, value: quoted,
                           labelValue: theirs.joined(separator: "；"),
                           note: verdict == .contains ? "holds the label's \(theirs.joined(separator: "、"))" : nil,
                           span: span, labelSpan: label.metadata.$approvalNumbers.span, numbers: nil, differences: [])]
    }

    private func firstApproval(_ doc: Label, _ label: Label) -> Comparison? {
        let wanted = rules.firstApprovalFields.map(fold.fold)
        guard let field = doc.fields.first(where: { wanted.contains(fold($0.name)) }) else { return nil }
        var c = Comparison(what: "firstApproval", name: field.name, labelName: "核准日期", verdict: .notCompared, value: field.value,
                           labelValue: label.metadata.approvalDate, note: nil, span: field.span,
                           labelSpan: label.metadata.$approvalDate.span, numbers: nil, differences: [])
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

    /// What the section comparisons share: the label's sections made comparable once per key,
    /// the diffs of quotes already seen, and the doses of each side by section.
    private struct SectionContext {
        struct LabelSection {
            var section: Section
            var lines: SectionLines
            var raw: ComparableText
            var normalized: ComparableText
            var rawTokens: [String]
            var normalizedTokens: [String]
            var doses: [Dose]
        }

        let documentLines: LineLocator
        var labelSections: [String: LabelSection?] = [:]
        /// Token diffs by key, level and the quote's tokens: the same quote is diffed once.
        var diffs: [String: [TokenDiff.Op]] = [:]
        /// The document's doses of each section key, in line order.
        let documentDoses: [String: [Dose]]

        init(document: ParsedDocument, label: ParsedDocument) {
            documentLines = LineLocator(lines: document.lines)
            documentDoses = Dictionary(grouping: document.label.doses.filter { $0.section != nil }, by: { $0.section! })
                .mapValues { $0.sorted { $0.span.startLine < $1.span.startLine } }
        }

        /// The document's doses of `key` within `span`, found by bisection.
        func doses(_ key: String, within span: SourceSpan) -> [Dose] {
            guard let all = documentDoses[key] else { return [] }
            var lo = 0, hi = all.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if all[mid].span.startLine < span.startLine { lo = mid + 1 } else { hi = mid }
            }
            var result: [Dose] = []
            var i = lo
            while i < all.count, all[i].span.startLine <= span.endLine {
                if all[i].span.endLine <= span.endLine { result.append(all[i]) }
                i += 1
            }
            return result
        }
    }

    private func labelSection(_ key: String, of label: ParsedDocument, context: inout SectionContext) -> SectionContext.LabelSection? {
        if let known = context.labelSections[key] { return known }
        let made = label.label.sections.first(where: { $0.key == key }).map { theirs in
            let raw = ComparableText(theirs.text, normalized: false, fold: fold)
            let normalized = ComparableText(theirs.text, normalized: true, fold: fold)
            return SectionContext.LabelSection(section: theirs, lines: SectionLines(theirs, lines: label.lines), raw: raw,
                                               normalized: normalized, rawTokens: raw.tokens.map(\.text),
                                               normalizedTokens: normalized.tokens.map(\.text),
                                               doses: label.label.doses.filter { $0.section == key })
        }
        context.labelSections[key] = made
        return made
    }

    private func compare(_ section: Section, of document: ParsedDocument, key: String, with label: ParsedDocument,
                         context: inout SectionContext) -> Comparison {
        let heading = catalogue.entry(key)?.headings.first ?? key
        guard let theirs = labelSection(key, of: label, context: &context) else {
            return Comparison(what: key, name: section.heading, labelName: heading, verdict: .notCompared, value: nil, labelValue: nil,
                              note: "the label has no 【\(heading)】", span: section.span, labelSpan: nil, numbers: nil, differences: [])
        }
        var c = Comparison(what: key, name: section.heading, labelName: theirs.section.heading, verdict: .equal, value: nil, labelValue: nil,
                           note: nil, span: section.span, labelSpan: theirs.section.span, numbers: nil, differences: [])
        let a = ComparableText(section.text, normalized: false, fold: fold), b = theirs.raw
        guard !a.tokens.isEmpty else {
            // A heading with nothing under it quotes nothing: listing the whole label section as
            // the difference would say nothing more, at the size of the section each time.
            c.verdict = .notCompared
            c.note = "only the heading is quoted: no text under it to compare"
            return c
        }
        let hereLines = SectionLines(section, lines: document.lines, locator: context.documentLines)
        let line = { (text: ComparableText, tokens: Range<Int>) in hereLines.line(at: text.offset(tokens), snippet: Self.snippet(text, tokens)) }
        let labelLine = { (text: ComparableText, tokens: Range<Int>) in theirs.lines.line(at: text.offset(tokens), snippet: Self.snippet(text, tokens)) }
        let aTokens = a.tokens.map(\.text)
        if aTokens != theirs.rawTokens {
            let na = ComparableText(section.text, normalized: true, fold: fold), nb = theirs.normalized
            let naTokens = na.tokens.map(\.text)
            if naTokens == theirs.normalizedTokens {
                c.verdict = .equalAfterNormalization
                let examples = differences(a, b, ops: diff(aTokens, theirs.rawTokens, key: key + "|raw", context: &context),
                                           line: line, labelLine: labelLine)
                var seen = Set<String>()
                let distinct = examples.filter { seen.insert("\($0.here)|\($0.label)").inserted }
                // With the character before a bare punctuation mark, so that `1、` reads as a list mark.
                c.note = distinct.prefix(rules.examples).map { d in
                    let lead = ComparableText.isWordScalar(d.before.lastScalar ?? " ") ? String(d.before.suffix(1)) : ""
                    return "“\(lead + d.here)” here, “\(lead + d.label)” in the label"
                }.joined(separator: "; ")
                    + (distinct.count > rules.examples ? "; \(distinct.count - rules.examples) more alike" : "")
            } else {
                c.verdict = .different
                let ops = diff(naTokens, theirs.normalizedTokens, key: key + "|normalized", context: &context)
                if ops == [.change(0..<na.tokens.count, 0..<nb.tokens.count)], na.source.count + nb.source.count > Self.wholeLimit {
                    // Nothing aligns: the one "difference" would be both texts whole, repeated for
                    // every such quote. Said in a note instead.
                    c.note = "nothing in it aligns with the label's 【\(theirs.section.heading)】 (\(na.source.count) characters here, "
                        + "\(nb.source.count) in the label): a different text, not listed word by word"
                } else {
                    c.differences = differences(na, nb, ops: ops, line: line, labelLine: labelLine)
                }
            }
        }
        c.numbers = numbers(context.doses(key, within: section.span), theirs.doses)
        return c
    }

    /// Characters of both texts together past which a quote that aligns nowhere with the label
    /// is not listed whole as its difference.
    static let wholeLimit = 2_000

    /// The token diff of a quote with the label's section, remembered by the quote's tokens.
    private func diff(_ a: [String], _ b: [String], key: String, context: inout SectionContext) -> [TokenDiff.Op] {
        let memo = key + "\u{1}" + a.joined(separator: "\u{2}")
        if let known = context.diffs[memo] { return known }
        // A small floor of work: a short quote of a long section is not searched at length.
        let ops = TokenDiff.diff(a, b, minimumWork: 32 * 32)
        if context.diffs.count < 10_000 { context.diffs[memo] = ops }
        return ops
    }

    /// Fields named like a label section with a summary mark (`用法用量 (概述)`): written for
    /// the document, so not compared, and said so.
    private func summaries(_ doc: Label) -> [Comparison] {
        let quoted = Set(doc.sections.map(\.span.startLine))
        var result: [Comparison] = []
        for field in doc.fields where !quoted.contains(field.span.startLine) {
            let name = fold(field.name)
            guard rules.summaryMarkers.contains(where: { name.contains(fold($0)) }),
                  let entry = catalogue.entries.first(where: { $0.headings.contains { name.contains(fold($0)) } }) else { continue }
            result.append(Comparison(what: entry.key, name: field.name, labelName: entry.headings.first, verdict: .notCompared, value: nil,
                                     labelValue: nil, note: "a summary written for this document, not the label's text",
                                     span: field.span, labelSpan: nil, numbers: nil, differences: []))
        }
        return result
    }

    // MARK: Helpers

    /// The changed runs of two token lists, as written on each side.
    private func differences(_ a: ComparableText, _ b: ComparableText, ops: [TokenDiff.Op]? = nil,
                             line: (ComparableText, Range<Int>) -> Int?, labelLine: (ComparableText, Range<Int>) -> Int?) -> [Difference] {
        (ops ?? TokenDiff.diff(a.tokens.map(\.text), b.tokens.map(\.text))).compactMap { op in
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
            d.amountText + (d.maximum.map { " (maximum \(Amount.format($0.amount.value ?? $0.amount.high ?? 0)) \($0.unit)\($0.per.map { "/\($0)" } ?? ""))" } ?? "")
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
