/// Reads the dosing statements of one run of text (a paragraph, a table cell, a quoted field):
/// each measure of a dose unit (mass, volume, units, cells, dosage form) with the drug named
/// before it, the route, frequency, schedule, duration and maximum found around it in the
/// same sentence.
struct DoseReader: Sendable {
    let rules: DosingRules
    let measures: MeasureReader

    init(rules: DosingRules) {
        self.rules = rules
        measures = MeasureReader(rules: rules)
    }

    static let doseKinds: Set<String> = ["mass", "volume", "units", "cells", "form", "amount"]
    private static let sentenceEnds: Set<Unicode.Scalar> = ["。", "；", ";", "！", "？", "\n"]
    private static let clauseEnds: Set<Unicode.Scalar> = ["，", ",", "：", ":", "、"]

    /// A dose with the scalar offsets of its statement (drug to measure) in the text.
    struct Found {
        var dose: Dose
        var start: Int
        var end: Int
    }

    /// `product` is the name `本品` stands for.
    func read(_ text: String, product: String?, section: String?, condition: String?, span: SourceSpan) -> [Found] {
        let s = Array(text.unicodeScalars)
        return read(s, measures: measures.measures(in: s), product: product, section: section, condition: condition, span: span)
    }

    /// The same, on scalars already split and measures already read.
    func read(_ s: [Unicode.Scalar], measures all: [Measure], product: String?, section: String?, condition: String?,
              span: SourceSpan) -> [Found] {
        var found: [Found] = []
        // Where the text the last dose took ends: its amount and a route written right after it.
        var consumed = 0
        var mainDose: Int?
        // `口服。成人一次1片…`: a route said once for the whole paragraph.
        lazy var paragraphRoute: String? = {
            let opening = String(String.UnicodeScalarView(s.prefix { $0 != "。" && $0 != "；" })).trimmingSpaces()
            return rules.routes.first { $0.utf8.elementsEqual(opening.utf8) }
        }()
        for m in all where DoseReader.doseKinds.contains(m.kind) {
            let sentence = sentenceBounds(s, around: m.start)
            let before = string(s, sentence.lowerBound, m.start).trimmingSpaces()
            // `不超过 800 mg`, `最高为 2.0 × 108个…`: the ceiling of the main dose before it.
            if let lead = rules.maximumLeads.first(where: { before.hasByteSuffix($0) }) {
                if let k = mainDose ?? found.indices.last, found[k].dose.maximum == nil {
                    found[k].dose.maximum = Dose.Maximum(amount: m.amount, unit: m.unit, per: m.per, text: lead + " " + m.text(in: s))
                }
                consumed = m.end
                continue
            }
            if rules.comparisons.contains(where: { before.hasByteSuffix($0) }) { continue }
            // `中位剂量为 2.0×106…`: a study's median, not an instruction.
            if rules.reportNouns.contains(where: { before.hasByteSuffix($0) || before.hasByteSuffix($0 + "为") || before.hasByteSuffix($0 + "：") }) { continue }
            guard let (drug, drugStart) = drugName(s, before: m.start, sentence: sentence, product: product) else { continue }
            // Inside a bracket opened before the drug: a qualifier, not the statement itself.
            let inBrackets = depth(s, from: sentence.lowerBound, to: drugStart) > 0
            let regionStart = max(sentence.lowerBound, consumed)
            let region = string(s, min(regionStart, drugStart), drugStart)
            let after = string(s, m.end, sentence.upperBound)
            let sentenceText = string(s, sentence.lowerBound, sentence.upperBound)
            let lead = string(s, sentence.lowerBound, drugStart)
            var dose = Dose(drug: drug, amount: m.amount, unit: m.unit, unitText: m.unitText, per: m.per,
                            route: nil, frequency: nil, schedule: nil, duration: nil,
                            maximum: nil, condition: condition, text: "", section: section, span: span)
            let (routeAfter, routeEnd) = self.routeAfter(s, from: m.end, sentenceEnd: sentence.upperBound)
            dose.route = routeAfter ?? nearestRoute(in: region)
            if let who = nearestPopulation(in: string(s, regionStart < drugStart ? regionStart : sentence.lowerBound, m.start)) {
                dose.condition = [condition, who].compactMap { $0 }.joined(separator: "；")
            }
            dose.frequency = DosingRules.first(rules.frequency, in: after) ?? DosingRules.first(rules.frequency, in: lead)
            dose.schedule = DosingRules.first(rules.schedule, in: lead)
            dose.duration = DosingRules.first(rules.duration, in: sentenceText)
            dose.text = string(s, drugStart, m.end).collapsingSpaces()
            if inBrackets {
                // `（可接受范围：1.5 × 106 ~2.0 × 106…）`: a qualifier of the dose before the bracket.
                let noun = before.split(whereSeparator: { $0 == "（" || $0 == "(" }).last.map(String.init)?.trimming("：: ") ?? ""
                if !noun.isEmpty { dose.condition = [condition, noun].compactMap { $0 }.joined(separator: "；") }
            }
            // `环磷酰胺 500 mg/m2 和氟达拉滨 30 mg/m2`: the second drug shares the first's route and schedule.
            if let previous = found.last, sentence.contains(previous.start),
               rules.sharedConnectors.contains(region.trimming("）) ")) || region.trimming("）) ").isEmpty {
                if dose.route == nil { dose.route = previous.dose.route }
                if dose.schedule == nil { dose.schedule = previous.dose.schedule }
                if dose.frequency == nil { dose.frequency = previous.dose.frequency }
                if dose.duration == nil { dose.duration = previous.dose.duration }
            }
            if dose.route == nil { dose.route = paragraphRoute }
            found.append(Found(dose: dose, start: drugStart, end: m.end))
            if !inBrackets { mainDose = found.count - 1 }
            consumed = routeEnd ?? m.end
        }
        return found
    }

    /// How many brackets are open at `end`, counting from `start`.
    private func depth(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var d = 0
        for i in start..<end {
            if s[i] == "（" || s[i] == "(" { d += 1 } else if s[i] == "）" || s[i] == ")" { d = max(0, d - 1) }
        }
        return d
    }

    /// A route written right after the amount (`500-1000mg口服`, `50-100mg 塞肛`), within a few
    /// characters and before the clause ends; and where it ends.
    private func routeAfter(_ s: [Unicode.Scalar], from start: Int, sentenceEnd: Int) -> (String?, Int?) {
        var j = start
        while j < sentenceEnd, s[j] == " " || s[j] == "）" || s[j] == ")" { j += 1 }
        let window = string(s, j, min(sentenceEnd, j + 6))
        for word in rules.routes where window.hasBytePrefix(word) {
            return (word, j + word.unicodeScalars.count)
        }
        return (nil, nil)
    }

    private func nearestPopulation(in region: String) -> String? {
        var best: (String.Index, String)?
        for word in rules.populations {
            guard let r = region.lastByteRange(of: word) else { continue }
            if best == nil || r.upperBound > best!.0 { best = (r.upperBound, word) }
        }
        return best?.1
    }

    /// The route that ends nearest the drug in `region`, the longest where two end together
    /// (`口服或静脉使用苯海拉明` is 口服或静脉).
    private func nearestRoute(in region: String) -> String? {
        var best: (end: String.Index, length: Int, word: String)?
        for word in rules.routes {
            guard let r = region.lastByteRange(of: word) else { continue }
            if best == nil || r.upperBound > best!.end || (r.upperBound == best!.end && word.count > best!.length) {
                best = (r.upperBound, word.count, word)
            }
        }
        return best?.word
    }

    /// The drug named before a measure, and where its name starts. `本品` and dose nouns
    /// (`目标剂量为`) stand for the product. Footnote marks between the name and the amount
    /// (`托珠单抗 c 8 mg/kg`) and a parenthesis around the amount (`氟达拉滨（25 mg/m2）`) are
    /// skipped.
    private func drugName(_ s: [Unicode.Scalar], before start: Int, sentence: Range<Int>, product: String?) -> (String, Int)? {
        var end = start
        while end > sentence.lowerBound, s[end - 1] == " " { end -= 1 }
        if end > sentence.lowerBound, s[end - 1] == "（" || s[end - 1] == "(" { end -= 1 }
        // The clause before the amount.
        var begin = end
        var depth = 0
        while begin > sentence.lowerBound {
            let c = s[begin - 1]
            if c == "）" || c == ")" { depth += 1 } else if c == "（" || c == "(" { if depth == 0 { break }; depth -= 1 }
            else if depth == 0, DoseReader.clauseEnds.contains(c) { break }
            begin -= 1
        }
        var clause = string(s, begin, end)
        var clauseStart = begin
        // After the last verb or conjunction (`静脉输注`, `给予`, `和`, `如`).
        var cut = 0
        for word in rules.drugBoundaries {
            if let r = clause.lastByteRange(of: word) {
                let offset = clause.unicodeScalars.distance(from: clause.startIndex, to: r.upperBound)
                cut = max(cut, offset)
            }
        }
        if cut > 0 {
            clauseStart += cut
            clause = String(clause.unicodeScalars.dropFirst(cut))
        }
        let spaces = leadingSpaces(clause)
        clauseStart += spaces
        clause = String(clause.unicodeScalars.dropFirst(spaces))
        var name = clause
        // `1 剂地塞米松`: a count before the name.
        while let first = name.unicodeScalars.first, NumberReader.digit(first) != nil {
            let sc = Array(name.unicodeScalars)
            var k = 0
            while k < sc.count, NumberReader.digit(sc[k]) != nil || sc[k] == " " || sc[k] == "." { k += 1 }
            if k < sc.count { k += 1 } // the counter word (剂, 次)
            clauseStart += k
            name = String(String.UnicodeScalarView(sc[k...]))
        }
        // `吲哚美辛栓（消炎痛栓）`: an alias in brackets stays out of the name.
        if let open = name.firstIndex(where: { $0 == "（" || $0 == "(" }) { name = String(name[..<open]) }
        name = name.trimmingSpaces()
        // `托珠单抗 c`: a footnote mark.
        if name.count > 2, let last = name.unicodeScalars.last, ("a"..."z").contains(last),
           name.unicodeScalars.dropLast().last == " " {
            name = String(name.unicodeScalars.dropLast(2)).trimmingSpaces()
        }
        let beforeClause = string(s, sentence.lowerBound, begin).trimmingSpaces()
        let isNoun = { (t: String) in rules.doseNouns.contains { t.hasByteSuffix($0) || t.hasByteSuffix($0.trimming("：为")) } }
        if name.isEmpty || isNoun(name) || rules.productWords.contains(where: { name.hasBytePrefix($0) && name.count <= $0.count + 6 }) {
            if name.isEmpty && !isNoun(beforeClause) { return nil }
            guard let product else { return nil }
            return (product, clauseStart)
        }
        guard isDrugLike(name) else { return nil }
        return (name, clauseStart)
    }

    /// Two to twenty characters, Han or Latin, with no sentence words in it.
    private func isDrugLike(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard scalars.count >= 2, scalars.count <= 20 else { return false }
        if scalars.contains(where: { NumberReader.digit($0) != nil || "，。；：%≥≤<>".unicodeScalars.contains($0) }) { return false }
        return !scalars.contains { "为约是中的".unicodeScalars.contains($0) }
    }

    private func leadingSpaces(_ text: String) -> Int {
        text.unicodeScalars.prefix { $0 == " " }.count
    }

    private func sentenceBounds(_ s: [Unicode.Scalar], around i: Int) -> Range<Int> {
        var lo = i
        while lo > 0, !DoseReader.sentenceEnds.contains(s[lo - 1]) { lo -= 1 }
        var hi = i
        while hi < s.count, !DoseReader.sentenceEnds.contains(s[hi]) { hi += 1 }
        return lo..<hi
    }

    private func string(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        return String(String.UnicodeScalarView(s[a..<b]))
    }
}
