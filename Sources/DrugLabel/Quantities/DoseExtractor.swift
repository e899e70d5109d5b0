/// The doses and quantities of a document, each with the source lines of its statement.
struct DoseExtractor: Sendable {
    let rules: DosingRules
    /// Made once with the parser: building its measure reader (unit sets, the cell-unit
    /// pattern's words) cost 4% of a small label's parse when made per document.
    private let reader: DoseReader

    init(rules: DosingRules) {
        self.rules = rules
        reader = DoseReader(rules: rules)
    }

    /// Kinds of `Quantity` read outside doses, and the sections where durations count (a
    /// duration elsewhere is mostly study follow-up, not handling).
    private static let durationSections: Set<String> = ["dosage_and_administration", "storage_and_handling", "shelf_life"]

    func extract(_ units: [TextUnit], lines: [SourceLine], product: String?) -> (doses: [Dose], quantities: [Quantity]) {
        let locator = LineLocator(lines: lines)
        var doses: [Dose] = []
        var quantities: [Quantity] = []
        var previous: (span: SourceSpan, end: Int)?
        var cached: (span: SourceSpan, text: LineLocator.SpanText)?
        // A route said alone, or who a line names, holds for the section's later paragraphs.
        var context = DoseReader.Context()
        var section: String??
        for unit in units {
            if section != unit.section || unit.condition != nil {
                context = DoseReader.Context()
                section = unit.section
            }
            let doseSection = unit.section.map(rules.doseSections.contains) ?? false
            // Outside the dosing sections a paragraph without a number says nothing of doses.
            if !doseSection, !NumberReader.holdsDigit(unit.text) { continue }
            let original = [Unicode.Scalar](scalarsOf: unit.text)
            let (simplifiedScalars, traditional) = simplified(original)
            // Read without the spaces of mixed-script spacing; `back` gives an offset of what is
            // read its place in the text as written.
            let spaced = MixedScriptSpacing.removed(simplifiedScalars)
            let scalars = spaced?.scalars ?? simplifiedScalars
            let origin = spaced?.origin
            func back(_ i: Int) -> Int { origin.map { $0[min(max(0, i), $0.count - 1)] } ?? i }
            // An end stays at the end of the scalar before it: a dropped space after is not taken.
            func backEnd(_ i: Int) -> Int { i > 0 ? back(i - 1) + 1 : back(0) }
            let measures = reader.measures.measures(in: scalars)
            // Most paragraphs hold no number with a unit: nothing to read or locate; a paragraph
            // without one may still set the route or who for the next.
            if measures.isEmpty {
                guard doseSection else { continue }
                _ = reader.read(scalars, measures: [], product: product, section: unit.section, condition: unit.condition,
                                span: unit.span, context: &context)
                continue
            }
            // Start where the unit's own text starts in its span: a table row holds several cells,
            // in order, and two cells may say the same thing.
            // A table cell or a quoted field has no line offsets: its values are found in its
            // span's lines by their text.
            var spanText = LineLocator.SpanText()
            var start = 0
            if unit.lineStarts == nil {
                // Located in the lines as written: the opening of the text as written, not of its
                // Simplified form.
                let openingScalars = Array(original.lazy.filter { $0 != " " && $0 != "\n" }.prefix(40))
                let opening = openingScalars.string(0..<openingScalars.count)
                if cached?.span != unit.span { cached = (unit.span, locator.text(of: unit.span)) }
                spanText = cached!.text
                start = previous?.span == unit.span ? previous!.end : 0
                if locator.locate(opening, in: spanText, from: &start) != nil { start -= openingScalars.count } else { start = 0 }
                previous = (unit.span, start + openingScalars.count)
            }
            var cursor = start
            for found in reader.read(scalars, measures: measures, product: product, section: unit.section,
                                     condition: unit.condition, span: unit.span, context: &context) {
                var dose = found.dose
                if unit.uncertain {
                    dose.uncertainty = "read from a cell of \(unit.condition ?? "a prose table") whose column is uncertain (the table's text may be misplaced): check the condition against the document"
                }
                if traditional || origin != nil {
                    // Read on the Simplified, unspaced form; the statement, its unit and its
                    // ceiling are quoted as the label wrote them.
                    func quote(_ range: Range<Int>) -> String {
                        let lower = back(range.lowerBound)
                        let text = original.string(lower..<max(lower, backEnd(range.upperBound)))
                        return text.containsBytes("  ") ? text.collapsingSpaces() : text
                    }
                    // The unit and the ceiling are sought from where the statement starts, and
                    // not far past its end (a ceiling may follow it in the sentence): a paragraph
                    // of a 100 MB line must not be searched whole for each of its doses.
                    let from = min(max(0, found.start), scalars.count)
                    let window = scalars[from..<min(scalars.count, max(from, found.end) + 1024)]
                    func quoted(_ read: String) -> String {
                        window.firstRange(of: Array(read.unicodeScalars)).map(quote) ?? read
                    }
                    dose.text = quote(found.quoted)
                    dose.unitText = quoted(dose.unitText)
                    if let ceiling = dose.maximum?.text { dose.maximum?.text = quoted(ceiling) }
                }
                if let paragraph = unit.lineStarts {
                    // The paragraph knows where each of its lines starts: no search.
                    let first = back(min(found.start, found.end))
                    dose.span = paragraph.span(of: first..<max(first + 1, backEnd(found.end)))
                } else {
                    dose.span = locator.locate(dose.text, in: spanText, from: &cursor) ?? unit.span
                }
                doses.append(dose)
            }
            var qcursor = start
            for m in measures {
                guard let kind = quantityKind(m, scalars, section: unit.section) else { continue }
                var end = m.end
                if kind == "percentage", let close = scalars[m.end...].firstIndex(where: { $0 == "）" || $0 == ")" }) { end = close + 1 }
                let text = clause(original, endingAt: backEnd(end), from: back(m.start))
                var q = Quantity(kind: kind, value: m.amount.value, low: m.amount.low, high: m.amount.high, unit: m.unit,
                                 text: text, span: unit.span)
                if let paragraph = unit.lineStarts {
                    q.span = paragraph.span(of: back(m.start)..<max(back(m.start), backEnd(m.end)))
                } else {
                    q.span = locator.locate(original.string(back(m.start)..<max(back(m.start), backEnd(m.end))), in: spanText, from: &qcursor) ?? unit.span
                }
                quantities.append(q)
            }
        }
        return (doses, quantities)
    }

    /// Whether `extract` keeps nothing from `previous` when it reads `unit` right after it, so
    /// that a run of units may start at `unit`: the context starts empty (a new section, or a
    /// table cell), and a text sought in its lines is not sought after the previous one's (only
    /// units without line starts, the cells, are sought, and only after a unit on the same lines).
    static func startsAfresh(at unit: TextUnit, after previous: TextUnit) -> Bool {
        guard unit.section != previous.section || unit.condition != nil else { return false }
        return unit.lineStarts != nil || unit.span != previous.span
    }

    private func quantityKind(_ m: Measure, _ s: [Unicode.Scalar], section: String?) -> String? {
        switch m.kind {
        case "temperature":
            return m.kind
        case "rate":
            // `肌酐清除率≥ 60 ml/min`: a threshold of a laboratory value, not a rate to keep.
            let before = s.string(max(0, m.start - 6)..<m.start).trimmingSpaces()
            return rules.comparisons.contains { before.hasByteSuffix($0) } ? nil : m.kind
        case "duration":
            guard let section, DoseExtractor.durationSections.contains(section), (m.amount.value ?? m.amount.high ?? 0) < 1000 else { return nil }
            // `2021 年 10 月`: a date, not a duration.
            var j = m.end
            while j < s.count, s[j] == " " { j += 1 }
            if j < s.count, NumberReader.digit(s[j]) != nil { return nil }
            return "duration"
        case "percentage":
            // `45%（49/108）`: a percentage with its counts.
            return DoseExtractor.counts(s, at: m.end) ? "percentage" : nil
        default:
            return nil
        }
    }

    /// `（49/108）` at `i`: two counts in brackets.
    static func counts(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i < s.count, s[i] == "（" || s[i] == "(" else { return false }
        var j = i + 1
        var digits = 0
        while j < s.count, NumberReader.digit(s[j]) != nil { j += 1; digits += 1 }
        guard digits > 0, j < s.count, s[j] == "/" else { return false }
        j += 1
        digits = 0
        while j < s.count, NumberReader.digit(s[j]) != nil { j += 1; digits += 1 }
        return digits > 0 && j < s.count && (s[j] == "）" || s[j] == ")")
    }

    /// A literal's scalars searched for each scalar walked back cost more than the walk.
    private static let clauseMarks = ScalarSet("，。；：,;:•\n")

    /// The clause that ends with a measure: from the last clause mark before it.
    private func clause(_ s: [Unicode.Scalar], endingAt end: Int, from start: Int) -> String {
        var lo = start
        while lo > 0, !DoseExtractor.clauseMarks.contains(s[lo - 1]) { lo -= 1 }
        return s.string(lo..<end).trimmingSpaces()
    }

    /// The text with each Traditional ideograph replaced by its Simplified one, scalar for
    /// scalar (so offsets and lengths stay): the rules are written in Simplified, so a label in
    /// Traditional characters gives the doses of its Simplified form. Whether any scalar
    /// changed comes with it (the text is copied only then).
    private func simplified(_ s: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], changed: Bool) {
        RuleFold.simplifiedIdeographs(s).map { ($0, true) } ?? (s, false)
    }
}
