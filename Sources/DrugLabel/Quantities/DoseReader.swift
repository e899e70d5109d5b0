import Foundation

/// Reads the dosing statements of one run of text (a paragraph, a table cell, a quoted field)
/// as Chinese labels write them: for each amount of a dose unit, the drug (the product unless
/// the statement names another), who it is for, per what, the route, how often, whether it is
/// a first, maintenance or highest dose, a step or a total, and an equivalent in brackets.
///
/// The words are the rule file's (dosing.json); this code knows only the order they come in:
/// `[who：][route，][qualifier][per-time][drug]AMOUNT[/per][（equivalent）][route][，frequency]`.
///
/// A class: the reader's methods hand `self` to the closures they pass, and a struct of
/// rules, word lists and unit sets was copied for them, a retain and release of each of its
/// references every time (1.3% of a 50 MB label's parse); a class is one reference.
final class DoseReader: Sendable {
    let rules: DosingRules
    let measures: MeasureReader

    init(rules: DosingRules) {
        self.rules = rules
        measures = MeasureReader(rules: rules)
    }

    private var words: DoseWords { rules.words }

    static let doseKinds: Set<String> = ["mass", "volume", "units", "cells", "form", "amount"]
    /// The marks the reader looks for at every scalar. Held by the reader (one reference), not
    /// in statics, whose every use in a loop passes through a once-only initialization check.
    private final class Marks: Sendable {
        let sentenceEnds = ScalarSet("。；;！？\n")
        let clauseEnds = ScalarSet("，,：:、")
        let colons = ScalarSet("：:")
        let openers = ScalarSet("（(〈[【{｛")
        let closers = ScalarSet("）)〉]】}｝")
        /// Any of the three above, or a comma: what `headers` acts on.
        let headerMarks = ScalarSet("（(〈[【{｛）)〉]】}｝：:，,")
        /// What may stand between two doses that share what the first says (`或`, brackets).
        let aroundShared = ScalarSet(" （(）)〈")
        let betweenShared = ScalarSet(" （(）)〈〉或、")
        /// Never in a drug's name; what a count of a form is made of; the words around a name.
        let notInNames = ScalarSet("，。；：%≥≤<>*＊/’‘“”、")
        let counted = ScalarSet("个次片粒袋支丸十")
        let nameFillers = ScalarSet("为约是中的")
    }
    private static let standardMarks = Marks()
    private let marks = DoseReader.standardMarks

    /// A dose with the scalar offsets of its statement (drug to measure) in the text.
    struct Found {
        var dose: Dose
        var start: Int
        var end: Int
        /// Where `dose.text` was read from (before its spaces were collapsed).
        var quoted: Range<Int>
    }

    /// What carries from one paragraph of a section to the next: a route said on its own
    /// (`口服。`, `用法：口服`) and who a line such as `成人：` names for the lines below it.
    struct Context {
        var route: (written: String, name: String)?
        var population: String?
    }

    /// The doses of one run of scalars with its measures, with what the section's earlier
    /// paragraphs said; `product` is the name `本品` stands for.
    func read(_ s: [Unicode.Scalar], measures all: [Measure], product: String?, section: String?, condition: String?,
              span: SourceSpan, context: inout Context) -> [Found] {
        var found: [Found] = []
        var population = context.population
        var headerPopulation = context.population
        // Who each new sentence starts with: who a heading names (`成人：`), or who the first
        // sentence with doses names (`用于治疗成人甲状腺功能亢进症，…`); who a later sentence
        // names holds for that sentence alone.
        var carried = context.population
        var firstDoseSentenceRead = false
        // A route said in one sentence holds for the next ones of the paragraph, until an
        // indication heading (`毛细胞白血病：`) starts another statement.
        var paragraphRoute: (route: (written: String, name: String), drug: String)?
        var consumed = Set<Int>() // measures read as another dose's equivalent
        var sentenceStart = 0
        var dosesInParagraph = 0
        // Outside the dosing sections a clause before a comma is seldom about who.
        let doseSection = section.map(rules.doseSections.contains) ?? false
        // The measures come in text order: each sentence's are the run after the last one's,
        // found by a cursor rather than by asking every measure at every sentence.
        var nextMeasure = 0
        while sentenceStart < s.count {
            var sentenceEnd = sentenceStart
            while sentenceEnd < s.count, !marks.sentenceEnds.contains(s[sentenceEnd]) { sentenceEnd += 1 }
            let sentence = sentenceStart..<sentenceEnd
            defer { sentenceStart = sentenceEnd + 1 }
            if sentence.isEmpty { continue }
            while nextMeasure < all.count, all[nextMeasure].start < sentence.lowerBound { nextMeasure += 1 }
            let firstInSentence = nextMeasure
            while nextMeasure < all.count, all[nextMeasure].start < sentence.upperBound { nextMeasure += 1 }
            let inSentence = firstInSentence..<nextMeasure
            if let route = routeOnly(s, sentence) {
                context.route = route
                continue
            }
            if !inSentence.contains(where: { all[$0].isDose }), let route = soleRoute(s, sentence) {
                // `餐后口服。`, `遵医嘱口服用药。`, `口服，用水送服`: the route of the doses below.
                context.route = route
            } else if let route = openingRoute(s, sentence) {
                // `口服，一日一次，宜在晨起时服…`, `口服急性期：一次20 mg…`: a
                // sentence that opens on the route says it for the section.
                context.route = route
            }
            var previousEnd = sentence.lowerBound
            var previousFound: Int?
            let sentenceFirst = found.count
            var headerCursor = sentence.lowerBound
            // `；` does not end who; a sentence that opens on another indication
            // (`用于急性淋巴细胞白血病…`) starts over from the heading's.
            let afterSemicolon = sentence.lowerBound > 0 && (s[sentence.lowerBound - 1] == "；" || s[sentence.lowerBound - 1] == ";")
            if !afterSemicolon { population = carried }
            let opening = s.trimmed(sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + 8))
            if words.indicationLeads.contains(where: { s.has($0.scalars, at: opening.lowerBound, end: opening.upperBound) }) {
                population = headerPopulation
                carried = headerPopulation
            }
            // `开始剂量0.25克，每日3次；或0.5克，每日2次`: an alternative after `；或` shares what
            // the dose before the semicolon says of who and of when in treatment, as after `或`
            // within a sentence.
            if afterSemicolon, !opening.isEmpty, s[opening.lowerBound] == "或", !found.isEmpty { previousFound = found.count - 1 }
            // Headers (`成人：`, `骨质疏松症：`) and lead clauses (`成人或12岁以上儿童，`) up to `end`.
            func readHeaders(to end: Int) {
                var reset = false
                let headingBefore = headerPopulation
                (population, headerPopulation, headerCursor) = headers(s, from: headerCursor, to: end, population: population,
                                                                       heading: headerPopulation, commaLeads: doseSection, reset: &reset)
                if reset { paragraphRoute = nil }
                if reset || headerPopulation != headingBefore { carried = headerPopulation }
            }
            for k in inSentence {
                let m = all[k]
                readHeaders(to: m.start)
                guard m.isDose, !consumed.contains(k) else { continue }
                let foundBefore = found.count
                defer { previousEnd = max(previousEnd, found.count > foundBefore ? found[found.count - 1].end : m.end) }
                var said = context
                if let r = paragraphRoute { said.route = r.route }
                guard var dose = statement(s, m, k: k, all: all, sentence: sentence, previousEnd: previousEnd,
                                           previous: previousFound.map { found[$0] }, sentenceDoses: found[sentenceFirst...],
                                           product: product, section: section,
                                           condition: condition, span: span, population: &population,
                                           context: said, consumed: &consumed) else { continue }
                if let written = dose.dose.routeText, let name = dose.dose.route, dose.dose.drug == product {
                    paragraphRoute = ((written, name), dose.dose.drug)
                }
                if dose.dose.qualifier == "maximum",
                   let p = found.indices.last(where: { $0 >= sentenceFirst && found[$0].dose.condition == condition }),
                   found[p].dose.kind == nil, found[p].dose.qualifier != "maximum",
                   found[p].dose.maximum == nil, found[p].dose.unit == dose.dose.unit {
                    // `开始每日10mg，日量不超过40mg`: the ceiling of the dose before it.
                    found[p].dose.maximum = Dose.Maximum(amount: dose.dose.amount, unit: dose.dose.unit, per: dose.dose.per,
                                                         text: dose.dose.text)
                    continue
                }
                dose.dose.population = dose.dose.population ?? population
                found.append(dose)
                previousFound = found.count - 1
                dosesInParagraph += 1
            }
            readHeaders(to: sentence.upperBound)
            if !firstDoseSentenceRead, found.count > sentenceFirst {
                firstDoseSentenceRead = true
                // Who its first dose is for: a later clause's who (`…，肾功能严重受损病人为一日
                // 2.5mg。`) holds for that clause, not for the sentences after it.
                carried = found[sentenceFirst].dose.population
            }
        }
        // A paragraph that only names who (`成人：`) speaks for the paragraphs below it.
        context.population = dosesInParagraph == 0 ? headerPopulation : nil
        return found
    }

    // MARK: - One statement

    private func statement(_ s: [Unicode.Scalar], _ m: Measure, k: Int, all: [Measure], sentence: Range<Int>,
                           previousEnd: Int, previous: Found?, sentenceDoses: ArraySlice<Found>, product: String?, section: String?, condition: String?,
                           span: SourceSpan, population: inout String?, context: Context,
                           consumed: inout Set<Int>) -> Found? {
        let clauseStart = self.clauseStart(s, before: m.start, floor: sentence.lowerBound)
        let regionStart = max(previousEnd, sentence.lowerBound)
        // Since the dose before, and since the clause's start: as scalars and as text.
        let regionRange = min(regionStart, m.start)..<m.start
        let clauseRange = clauseStart..<m.start

        // Not doses: amounts per unit of product, animals, studies, skin tests, thresholds,
        // diluents, conditions.
        // `目标剂量为 2.0 × 106…/kg（可接受范围：1.5 × 106 ~2.0 × 106…），最高为 2.0 × 108…`:
        // the whole sentence after a dose noun speaks of the dose.
        let callsItselfDose = any(words.doseWords, s, regionRange)
            || (sentenceDoses.contains { p in p.dose.unit == m.unit && words.doseWords.contains(where: { p.dose.text.containsBytes($0.text) }) }
                && (depth(s, from: sentence.lowerBound, to: m.start) > 0 || nearest(words.qualifiers, s, regionRange)?.name == "maximum"))
        let doseSection = section.map(rules.doseSections.contains) ?? false
        if !doseSection && !callsItselfDose { return nil }
        // Made only now: most amounts outside the dosing sections stop at the test above.
        let region = string(s, regionRange.lowerBound, m.start)
        let clause = string(s, clauseStart, m.start)
        let after = string(s, m.end, min(sentence.upperBound, m.end + 8))
        let afterTrimmed = after.trimmingSpaces()
        if any(words.animalWords, s, sentence) || any(words.studyWords, s, sentence) || any(words.skinTestWords, s, sentence) {
            return nil
        }
        if any(words.productAmountLeads, s, clauseRange) && !callsItselfDose { return nil }
        if rules.packMarks.contains(where: { mark in
            guard afterTrimmed.hasBytePrefix(mark) else { return false }
            // `9g*8袋`, `10mlx6支`: a pack; `×` alone after an amount is not. `/盒`,
            // `10000单位的小瓶`: an amount per container.
            let rest = afterTrimmed.unicodeScalars.dropFirst(mark.unicodeScalars.count).first
            let multiplier = mark.unicodeScalars.count == 1 && !DisplayWidth.isWide(mark.firstScalar!.value)
            return !multiplier || rest.map { NumberReader.digit($0) != nil } == true
        }) { return nil }
        if m.per == "bag" && !callsItselfDose { return nil }
        if rules.conditionAfter.contains(where: { afterTrimmed.hasBytePrefix($0) }) { return nil }
        // `用至80mg仍无效的患者`, `每日20 mg未能控制症状者`: who or when, not a dose.
        let restOfClause = clauseRest(s, from: m.end, limit: sentence.upperBound)
        var restStart = m.end
        while restStart < sentence.upperBound, String.isSpace(s[restStart]) { restStart += 1 }
        // `每日20mg静脉滴注者`: a route first says how the dose is given; `每日20mg静脉炎加重者` does not.
        let routeFirst = rules.routes.contains(where: restOfClause.hasBytePrefix) && !words.routeIsWithinTerm(s, at: restStart)
        if rules.conditionHeads.contains(where: { restOfClause.hasByteSuffix($0) }), !routeFirst { return nil }
        // `不推荐使用100mg以上的剂量`: a ceiling said as a warning; `多达12片…但不予推荐`: not a dose.
        let near = string(s, m.end, min(sentence.upperBound, m.end + 16))
        // `每日40 mg比20 mg疗效更佳`: two amounts compared, neither an instruction.
        if near.containsBytes("比"), let bi = near.firstByteRange(of: "比"),
           near[bi.upperBound...].unicodeScalars.first(where: { $0 != " " }).map({ NumberReader.digit($0) != nil }) == true { return nil }
        if region.trimmingSpaces().hasByteSuffix("比") { return nil }
        let nearRange = clamped(s, m.end, min(sentence.upperBound, m.end + 16))
        let negated = any(words.negations, s, regionRange) || any(words.negations, s, nearRange)
        let ceilingByWarning = negated && (afterTrimmed.hasBytePrefix("以上") || afterTrimmed.hasBytePrefix("及以上"))
        if negated && !ceilingByWarning { return nil }
        if m.kind == "volume", rules.diluentWords.contains(where: { afterTrimmed.hasBytePrefix($0) })
            || any(words.diluentVerbs, s, clauseRange) { return nil }
        let before = region.trimmingSpaces()
        var qualifier = nearest(words.qualifiers, s, regionRange)
        // `最大维持量是6mg`: a ceiling, whatever else the clause says.
        if let top = nearest(words.maximumQualifiers, s, clauseRange) { qualifier = top }
        if ceilingByWarning { qualifier = ("maximum", "不推荐") }
        if qualifier?.name != "maximum" {
            if rules.comparisons.contains(where: { before.hasByteSuffix($0) }) { return nil }
        }
        // `中位剂量为 2.0×106…`: a study's median, not an instruction.
        if rules.reportNouns.contains(where: { before.hasByteSuffix($0) || before.hasByteSuffix($0 + "为") || before.hasByteSuffix($0 + "：") }) {
            return nil
        }
        // `每日2次1-4片`: a frequency before the amount, whose 每日 is not a daily total.
        let frequencyInClause = rules.frequency.firstMatch(in: clause).flatMap { r -> String? in
            let f = String(clause[r])
            return f.containsBytes("次") ? f : nil
        }
        let perWord = if let frequencyInClause {
            nearest(words.perWordStrings, in: clause.replacingAll(frequencyInClause, with: ""))
        } else {
            nearest(words.perWords, s, clauseRange)
        }
        let nextDose = all[(k + 1)...].first { $0.start >= m.end && $0.isDose && sentence.contains($0.start) }?.start
            ?? sentence.upperBound
        let routeHere = routeNear(s, m, regionStart: min(regionStart, m.start), nextDose: nextDose, sentence: sentence)
        // The drug: a name before the amount, else the product.
        guard let (drug, drugStart) = drugName(s, before: m.start, clauseStart: clauseStart, product: product) else { return nil }
        if section.map(rules.cueSections.contains) == true {
            // In 注意事项 an amount is a dose only when the sentence says how it is given: per
            // time, a route, a qualifier, a drug named with it, or how often after it.
            let cue = callsItselfDose || perWord != nil || routeHere != nil || qualifier != nil || drug != product
                || rules.frequency.firstMatch(in: string(s, m.end, min(sentence.upperBound, m.end + 12))) != nil
            if !cue { return nil }
        }
        var dose = Dose(drug: drug, amount: m.amount, unit: m.unit, unitText: m.unitText, per: m.per, perTime: m.perTime,
                        condition: condition, text: "", section: section, span: span)

        // Who: an age band or weight right before the amount, a population word in the clause.
        if let band = ageBand(in: clause) {
            dose.population = band
        } else if let who = inlinePopulation(s, clauseStart..<m.start) ?? headPopulation(s, clauseStart..<m.start) {
            dose.population = who
            population = who
        }

        // Per what: `/kg` after the amount, `每千克体重` or `一日`/`一次` before it.
        if dose.per == nil, let basis = nearest(words.perBefore, s, clauseRange) {
            dose.per = basis.name
        }
        if let word = perWord {
            if dose.per == nil { dose.per = word.name } else if dose.per == "kg" || dose.per == "m2", dose.perTime == nil, word.name == "day" {
                dose.perTime = "day"
            }
        }

        // Qualifier, step or total.
        if let q = qualifier { dose.qualifier = q.name }
        if dose.qualifier == nil {
            // `从2.5mg开始`, `以1mg每天一次开始`, `10mg，每日1次，作为维持治疗`.
            if rules.initialAfter.contains(where: { restOfClause.containsBytes($0) }), region.hasByteSuffix("从") || region.hasByteSuffix("以") || region.hasByteSuffix("自") {
                dose.qualifier = "initial"
            } else if rules.maintenanceAfter.contains(where: { string(s, m.end, min(sentence.upperBound, m.end + 20)).containsBytes($0) }) {
                dose.qualifier = "maintenance"
            }
        }
        if dose.qualifier != "maximum" {
            if let step = nearest(words.stepLists, s, clauseRange), !rules.stepTargets.contains(where: { clause.hasByteSuffix($0) || regionEnds(clause, with: $0, after: step.word) }) {
                dose.kind = step.name
                if step.name == "increment" || step.name == "decrement" { dose.qualifier = nil }
            } else if after.hasBytePrefix("的增量") || afterTrimmed.hasBytePrefix("的增量") {
                dose.kind = "increment"
            }
        }

        // An equivalent in brackets (`5mg（1/4片）`), read as part of this dose.
        var end = m.end
        if let (alternative, index, close) = equivalent(s, after: m, k: k, all: all, sentence: sentence) {
            dose.alternative = alternative
            consumed.insert(index)
            end = close
        }

        // Shares what the dose before it says when only `或`, a bracket or a connector stands
        // between them (`3mg/kg或60mg/m2`, `40～60微克（5～7微克/千克体重）`).
        let gapEnd = drug == product ? m.start : drugStart
        let between = string(s, trimming(s, clamped(s, min(regionStart, gapEnd), gapEnd), marks.aroundShared))
        let shares = previous != nil && (between.isEmpty || between == "或" || rules.sharedConnectors.contains(between))
        if shares, let p = previous?.dose {
            if dose.population == nil { dose.population = p.population }
            if dose.qualifier == nil { dose.qualifier = p.qualifier }
            if dose.perTime == nil, dose.per == "kg" || dose.per == "m2" { dose.perTime = p.per == "day" ? "day" : p.perTime }
        }

        // Route: written with the amount, in its sentence, or said for the section.
        // A route said elsewhere in the sentence, or for the section, is said of the product: another
        // drug named here takes only its own (`吲哚美辛栓…塞肛联合…盐酸异丙嗪12.5mg-50mg`).
        let isProduct = drug == product
        let shared = shares ? previous.flatMap { p in p.dose.routeText.map { ($0, 0) } } : nil
        if let (written, _) = routeHere ?? shared ?? (isProduct ? routeInSentence(s, sentence) : nil) {
            dose.routeText = written
            dose.route = words.name(ofRoute: written)
        } else if isProduct, let r = context.route {
            dose.routeText = r.written
            dose.route = r.name
        }

        // How often: after the amount in its sentence, else `每日` or a pattern before it.
        // Doses joined by `或` or a bracket share the frequency written after the last of them
        // (`每日3mg/kg或60mg/m2，一日1次或分次服`).
        var frequencyEnd = sentence.upperBound
        var last = end
        // In text order: the measures after this one, up to the sentence's end.
        for n in all.indices.dropFirst(k + 1) where all[n].start >= end && all[n].isDose {
            guard all[n].start < sentence.upperBound else { break }
            let gap = string(s, trimming(s, clamped(s, last, all[n].start), marks.betweenShared))
            if !gap.isEmpty { frequencyEnd = all[n].start; break }
            last = all[n].end
        }
        let stepWords = words.steps
        let interval = dose.kind == "increment" || dose.kind == "decrement" ? frequencyBefore(region: region, perWord: nil) : nil
        dose.frequency = interval ?? frequency(s, from: last, to: max(last, frequencyEnd), steps: stepWords)
            ?? frequencyInClause ?? frequencyBefore(region: region, perWord: perWord)
        if dose.kind == "total" || dose.kind == "course_total" { dose.frequency = nil }
        if frequencyInClause != nil, dose.per == "day", perWord == nil { dose.per = "dose" }
        if dose.frequency == nil, frequencyEnd == sentence.upperBound, sentence.upperBound < s.count, s[sentence.upperBound] == "；" {
            // `一次4克〈1袋）；一日2次`: the frequency after a semicolon, when no dose comes first.
            var next = sentence.upperBound + 1
            while next < s.count, !marks.sentenceEnds.contains(s[next]) { next += 1 }
            if !all.contains(where: { $0.start > sentence.upperBound && $0.start < next && $0.isDose }),
               let f = frequency(s, from: sentence.upperBound + 1, to: min(next, sentence.upperBound + 3 + 12), steps: stepWords),
               string(s, sentence.upperBound + 1, next).trimmingSpaces().hasBytePrefix(f) {
                dose.frequency = f
            }
        }
        if dose.frequency == nil, shares { dose.frequency = previous?.dose.frequency }
        // `150-400mg，分次口服`, `6mg/kg，分两次口服`: a day's total, divided; not an amount said
        // per time (`每次5mg/kg，一日分3次`) or a step. (`5mg，每日1次` keeps no per: the seeds'
        // facts read an amount with only a count after it so.)
        if let f = dose.frequency, perWord?.name != "dose", dose.kind == nil, rules.dividedFrequency.firstMatch(in: f) != nil {
            if dose.per == nil { dose.per = "day" } else if dose.per == "kg" || dose.per == "m2", dose.perTime == nil { dose.perTime = "day" }
        }
        dose.schedule = rules.schedule.first(in: string(s, sentence.lowerBound, drugStart))
        dose.duration = rules.duration.first(in: string(s, sentence.lowerBound, sentence.upperBound))

        // Inside a bracket opened before the drug: a qualifier of the dose before the bracket
        // (`（可接受范围：1.5 × 106 ~2.0 × 106…）`).
        if depth(s, from: sentence.lowerBound, to: drugStart) > 0 {
            let noun = before.split(whereSeparator: { $0 == "（" || $0 == "(" }).last.map(String.init)?.trimming("：: ") ?? ""
            if !noun.isEmpty, !noun.unicodeScalars.contains(where: { NumberReader.digit($0) != nil }) {
                dose.condition = [condition, noun].compactMap { $0 }.joined(separator: "；")
            }
        }
        if let (written, at) = routeHere, at >= m.end { end = max(end, at + written.unicodeScalars.count) }
        var textStart = drug == (product ?? "本品") ? max(clauseStart, regionStart) : drugStart
        if dose.qualifier == "maximum", let q = qualifier, let r = clause.lastByteRange(of: q.word) {
            // A ceiling reads from its own word: `不超过800 mg`.
            textStart = max(textStart, clauseStart + clause.unicodeScalars.distance(from: clause.unicodeScalars.startIndex, to: r.lowerBound))
        }
        while textStart < m.start, s[textStart] == " " || marks.closers.contains(s[textStart]) || marks.clauseEnds.contains(s[textStart])
                || ".．·•、".unicodeScalars.contains(s[textStart]) {
            textStart += 1
        }
        // `(即每次0.85克`: a bracket the statement opens and does not close is the sentence's.
        if textStart < m.start, marks.openers.contains(s[textStart]),
           !(textStart + 1..<m.end).contains(where: { marks.closers.contains(s[$0]) }) {
            textStart += 1
        }
        let quoted = s.trimmed(clamped(s, textStart, m.end))
        let text = string(s, quoted)
        // Without two spaces in a row there is nothing to collapse.
        dose.text = text.containsBytes("  ") ? text.collapsingSpaces() : text
        return Found(dose: dose, start: textStart, end: end, quoted: quoted)
    }

    // MARK: - Who

    /// Reads the clauses that end in `：` (and the lead clause of a sentence ending in `，`)
    /// between `from` and `to`: a description of who sets the population, an indication
    /// (`骨质疏松症：`) clears it, anything else leaves it.
    private func headers(_ s: [Unicode.Scalar], from: Int, to: Int, population: String?, heading: String?, commaLeads: Bool,
                         reset: inout Bool) -> (population: String?, heading: String?, cursor: Int) {
        var population = population
        var heading = heading
        var start = from
        var i = from
        var depth = 0
        while i < to {
            let c = s[i]
            guard marks.headerMarks.contains(c) else {
                i += 1
                continue
            }
            if marks.openers.contains(c) { depth += 1 } else if marks.closers.contains(c) { depth = max(0, depth - 1) }
            let colon = marks.colons.contains(c)
            if depth == 0, colon || (commaLeads && (c == "，" || c == ",")) {
                let header = s.trimmed(start..<i)
                if !header.isEmpty {
                    if let who = populationPhrase(s, header) ?? inlinePopulation(s, header) {
                        // `用于治疗成人甲状腺功能亢进症，`: who, inside an indication, too.
                        population = who
                        if colon { heading = who }
                    } else if colon, words.indicationSuffixes.contains(where: { s.has($0.scalars, endingAt: header.upperBound, start: header.lowerBound) }) {
                        population = nil
                        heading = nil
                        reset = true
                    }
                }
                start = i + 1
            }
            i += 1
        }
        return (population, heading, start)
    }

    /// A clause (`s[clause]`) that says who: it ends with a population noun (`老年或有心血管疾病患者`,
    /// `体重20kg以上的儿童无肾性骨病者`), perhaps with a bracket after it, or is an age band.
    /// Read on the scalars: every clause of a dosing section is asked, and few say who.
    private func populationPhrase(_ s: [Unicode.Scalar], _ clause: Range<Int>) -> String? {
        var start = clause.lowerBound
        let end = clause.upperBound
        // `1.`, `（2）`, `3、`: an item number before the clause.
        var k = start < end && (s[start] == "（" || s[start] == "(") ? start + 1 : start
        let digits = k
        while k < end, k - digits < 2, NumberReader.digit(s[k]) != nil { k += 1 }
        if k > digits, k < end, ".、．）)".unicodeScalars.contains(s[k]) {
            k += 1
            while k < end, s[k] == " " { k += 1 }
            start = k
        }
        if let lead = words.populationLeadsDropped.first(where: { s.has($0.scalars, at: start, end: end) }) {
            start += lead.scalars.count
        }
        var text = s.trimmed(start..<end)
        guard !text.isEmpty, text.count <= 40 else { return nil }
        if words.indicationLeads.contains(where: { s.has($0.scalars, at: text.lowerBound, end: text.upperBound) }) { return nil }
        // `在患有2型糖尿病的高血压患者中`: who, with the preposition around it.
        if s[text.upperBound - 1] == "中" { text = text.lowerBound..<(text.upperBound - 1) }
        var core = text
        // `肝功能不全患者（Child-Pugh B级）`: the bracket belongs to who.
        if !core.isEmpty, s[core.upperBound - 1] == "）" || s[core.upperBound - 1] == ")",
           let open = core.reversed().first(where: { s[$0] == "（" || s[$0] == "(" }) {
            core = core.lowerBound..<open
        }
        func endsCore(_ word: ScalarWord) -> Bool { s.has(word.scalars, endingAt: core.upperBound, start: core.lowerBound) }
        if words.populationHeads.contains(where: endsCore) {
            // A clause that says what to do is not a description of who (`不宜用于儿童`).
            if any(words.instructionWords, s, core) { return nil }
            return s.string(text)
        }
        if rules.ageBandWords.admits(s, text) {
            let phrase = s.string(text)
            if let band = ageBand(in: phrase), band == phrase { return phrase }
        }
        // `首剂量成人` after dropping the lead: a population word ends it.
        if let word = words.populations.first(where: endsCore) { return word.text }
        return nil
    }

    /// An age band or body weight that ends the clause before the amount (`0～6个月`,
    /// `12岁以上`, `一至五岁一次`, `体重20kg以下`), with what stands between it and the amount
    /// being only per-time words.
    private func ageBand(in clause: String) -> String? {
        guard rules.ageBandWords.admits(clause) else { return nil }
        let matches = rules.ageBand.matches(in: clause, range: NSRange(clause.startIndex..., in: clause))
        guard let last = matches.last, let r = Range(last.range, in: clause) else { return nil }
        var rest = String(clause[r.upperBound...]).trimmingSpaces()
        for word in words.ageBandTrailers where rest.hasBytePrefix(word) {
            rest = String(rest.unicodeScalars.dropFirst(word.unicodeScalars.count)).trimmingSpaces()
        }
        guard rest.isEmpty || rest == "：" || rest == ":" else { return nil }
        let band = String(clause[r]).trimmingSpaces()
        // A bare weight (`20kg`) is an amount of the patient only with 体重 before it.
        if band.hasByteSuffix("kg") || band.hasByteSuffix("公斤") || band.hasByteSuffix("千克") {
            guard band.hasBytePrefix("体重") else { return nil }
        }
        return band
    }

    /// A clause that opens with who and goes on to the dose (`肾功能严重受损病人（肌酐清除率低于
    /// 30ml/min）为一日2.5mg`): the words up to the population noun and its bracket.
    private func headPopulation(_ s: [Unicode.Scalar], _ clause: Range<Int>) -> String? {
        var best: Int?
        let starts = words.populationHeads.starts(in: s, clause)
        for head in words.populationHeads where !starts.isEmpty {
            guard let at = starts.last(where: { s.has(head.scalars, at: $0, end: clause.upperBound) }) else { continue }
            if best == nil || at + head.scalars.count > best! { best = at + head.scalars.count }
        }
        guard var end = best else { return nil }
        if end < clause.upperBound, s[end] == "（" || s[end] == "(",
           let close = (end..<clause.upperBound).first(where: { s[$0] == "）" || s[$0] == ")" }) {
            end = close + 1
        }
        return populationPhrase(s, clause.lowerBound..<end)
    }

    /// The population word nearest the amount in `s[region]` (`口服成人一次5mg`, `大多数成年患者的剂量`).
    private func inlinePopulation(_ s: [Unicode.Scalar], _ region: Range<Int>) -> String? {
        var best: (end: Int, word: String)?
        let starts = words.populations.starts(in: s, region)
        for word in words.populations where !starts.isEmpty {
            guard let at = starts.last(where: { s.has(word.scalars, at: $0, end: region.upperBound) }) else { continue }
            if best == nil || at + word.scalars.count > best!.end { best = (at + word.scalars.count, word.text) }
        }
        return best?.word
    }

    // MARK: - Route

    /// A sentence that only gives the route (`口服`, `本品口服`, `用法：口服`), which then
    /// holds for the paragraphs after it.
    private func routeOnly(_ s: [Unicode.Scalar], _ sentence: Range<Int>) -> (written: String, name: String)? {
        guard sentence.count <= 24 else { return nil }
        let text = s.trimmed(sentence)
        guard text.count <= 16 else { return nil }
        var at = text.lowerBound
        var route: DoseWords.Route?
        var changed = true
        while changed && at < text.upperBound {
            changed = false
            for lead in words.routeOnlyLeads where s.has(lead.scalars, at: at, end: text.upperBound) {
                at += lead.scalars.count
                changed = true
            }
            if route == nil, let r = words.routes.first(where: { s.has($0.word.scalars, at: at, end: text.upperBound) }) {
                route = r
                at += r.word.scalars.count
                changed = true
            }
        }
        // `口服或遵医嘱`: nothing but the route, and perhaps the usual `或遵医嘱`.
        guard let route else { return nil }
        let rest = at..<text.upperBound
        guard rest.isEmpty || s.has(DoseReader.orAsDirected, at: at, end: text.upperBound) || s.string(rest) == "给药" else { return nil }
        return (route.word.text, route.name)
    }

    private static let orAsDirected = Array("或遵医嘱".unicodeScalars)

    /// The one route a sentence without doses names (`每晚睡前口服一次`), unless it names
    /// several (`本品可静脉滴注或肌内注射`). A route it forbids is not counted
    /// (`不可静脉注射，应肌内注射`: `permittedRouteStarts`); two ways of writing one route
    /// (`嚼服或冲服`, both 口服) are that route, the first written.
    private func soleRoute(_ s: [Unicode.Scalar], _ sentence: Range<Int>) -> (written: String, name: String)? {
        guard sentence.count <= 40 else { return nil }
        let starts = permittedRouteStarts(s, sentence)
        var found: [(at: Int, route: DoseWords.Route)] = []
        for route in words.routes where !starts.isEmpty {
            guard let at = starts.first(where: { s.has(route.word.scalars, at: $0, end: sentence.upperBound) }) else { continue }
            let word = route.word.text
            // A shorter route inside a longer one found already (`静脉` in `静脉注射`) is the same.
            if found.contains(where: { $0.route.word.text.containsBytes(word) }) { continue }
            found.removeAll { word.containsBytes($0.route.word.text) }
            found.append((at, route))
        }
        found.sort { $0.at < $1.at }
        if let first = found.first, found.allSatisfy({ $0.route.name == first.route.name }) { found = [first] }
        guard found.count == 1, let (_, route) = found.first else { return nil }
        return (route.word.text, route.name)
    }

    /// The route a sentence opens with (after `本品`, `用法：`), unless another route follows it
    /// (`口服或静脉注射`).
    private func openingRoute(_ s: [Unicode.Scalar], _ sentence: Range<Int>) -> (written: String, name: String)? {
        let text = s.trimmed(sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + 24))
        var at = text.lowerBound
        for lead in words.openingLeads where s.has(lead.scalars, at: at, end: text.upperBound) {
            at += lead.scalars.count
        }
        guard !words.routeIsWithinTerm(s, at: at),
              let route = words.routes.first(where: { s.has($0.word.scalars, at: at, end: text.upperBound) }) else { return nil }
        let rest = at + route.word.scalars.count
        if rest < text.upperBound, s[rest] == "或" || s[rest] == "、" || s[rest] == "和" { return nil }
        return (route.word.text, route.name)
    }

    /// The route of the statement: written right after the amount (`50-100mg 塞肛`), else the
    /// nearest before it since the dose before, else the first after it before the next dose.
    private func routeNear(_ s: [Unicode.Scalar], _ m: Measure, regionStart: Int, nextDose: Int, sentence: Range<Int>) -> (String, Int)? {
        var j = m.end
        while j < sentence.upperBound, s[j] == " " || marks.closers.contains(s[j]) { j += 1 }
        let windowEnd = min(sentence.upperBound, j + 10)
        if !words.routeIsWithinTerm(s, at: j), let route = words.routes.first(where: { s.has($0.word.scalars, at: j, end: windowEnd) }) {
            return (route.word.text, j)
        }
        if let r = nearestRoute(s, regionStart..<m.start) { return (r, regionStart) }
        let rest = m.end..<max(m.end, nextDose)
        let starts = permittedRouteStarts(s, rest)
        var best: (at: Int, length: Int, word: String)?
        for route in words.routes where !starts.isEmpty {
            guard let at = starts.first(where: { s.has(route.word.scalars, at: $0, end: rest.upperBound) }) else { continue }
            if best == nil || at < best!.at || (at == best!.at && route.word.length > best!.length) {
                best = (at, route.word.length, route.word.text)
            }
        }
        return best.map { ($0.word, m.end) }
    }

    /// Any route in the sentence, the first written: `术后一周改为每日60mg` shares the
    /// `口服` of `开始每日口服100mg`.
    private func routeInSentence(_ s: [Unicode.Scalar], _ sentence: Range<Int>) -> (String, Int)? {
        nearestRoute(s, sentence).map { ($0, sentence.lowerBound) }
    }

    /// The route that ends last in `s[region]`, the longest where two end together
    /// (`口服或静脉使用苯海拉明` is 口服或静脉).
    private func nearestRoute(_ s: [Unicode.Scalar], _ region: Range<Int>) -> String? {
        let starts = permittedRouteStarts(s, region)
        var best: (end: Int, length: Int, word: String)?
        for route in words.routes where !starts.isEmpty {
            guard let at = starts.last(where: { s.has(route.word.scalars, at: $0, end: region.upperBound) }) else { continue }
            let end = at + route.word.scalars.count
            if best == nil || end > best!.end || (end == best!.end && route.word.length > best!.length) {
                best = (end, route.word.length, route.word.text)
            }
        }
        return best?.word
    }

    /// Where in `s[range]` a route starts that the text does not forbid, in order: not one
    /// after a negation (`不可静脉注射`), nor one joined to it (`不得静脉注射或皮下注射`), up to a
    /// comma or a semicolon.
    private func permittedRouteStarts(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Int] {
        var result: [Int] = []
        var banned = false
        var lastEnd = range.lowerBound
        for at in routeStarts(s, range) {
            // Routes sort longest first: the longest written here.
            guard let route = words.routes.first(where: { s.has($0.word.scalars, at: at, end: range.upperBound) }) else { continue }
            if banned, at > lastEnd, s[lastEnd..<at].contains(where: { DoseReader.banEnds.contains($0) }) { banned = false }
            if words.routeNegations.contains(where: { s.has($0, endingAt: at, start: range.lowerBound) }) { banned = true }
            lastEnd = max(lastEnd, at + route.word.scalars.count)
            if !banned { result.append(at) }
        }
        return result
    }

    private static let banEnds = ScalarSet("，,；;")

    /// Where in `s[range]` a route may start, in order: not inside a term that holds one
    /// (`深静脉血栓`).
    private func routeStarts(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Int] {
        range.filter { words.routeFirsts.contains(s[$0]) && !words.routeIsWithinTerm(s, at: $0) }
    }

    // MARK: - How often

    /// The first frequency after the amount and before the next dose (`，一日3次`), with a
    /// second one joined (`一日1次，每周1～2次`) and a bracket that explains it (`（隔日1次）`).
    private func frequency(_ s: [Unicode.Scalar], from: Int, to: Int, steps: [String]) -> String? {
        guard from < to else { return nil }
        var text = string(s, from, to)
        // `，或者一日1～2次`: another regimen starts.
        for alternative in ["，或者", "，或", ",或", "或者"] {
            if let r = text.firstByteRange(of: alternative) { text = String(text[..<r.lowerBound]) }
        }
        guard let first = rules.frequency.firstMatch(in: text) else { return nil }
        // Only within the next clauses, not a sentence away: at most 24 characters before it.
        guard text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: first.lowerBound) <= 24 else { return nil }
        // `每隔1-2日减少5mg`, `每隔1～2日逐渐增加`: the interval of a step that follows.
        let following = String(text[first.upperBound...].prefix(6))
        if steps.contains(where: { step in following.containsBytes(step) && !rules.stepTargets.contains { following.containsBytes($0) } }) {
            return nil
        }
        var end = first.upperBound
        let rest = text[end...]
        if let open = rest.first, open == "（" || open == "(", let close = rest.firstIndex(where: { $0 == "）" || $0 == ")" }),
           rest[rest.startIndex..<close].contains("次"), rest.distance(from: rest.startIndex, to: close) <= 10 {
            end = rest.index(after: close)
        } else if let joiner = rest.first, joiner == "，" || joiner == "," || joiner == "或" {
            // `一日1次，每周1～2次`, `一日1次或分次服用`: a second frequency joined to the first.
            let tail = String(rest.dropFirst())
            if let next = rules.frequency.firstMatch(in: tail), next.lowerBound == tail.startIndex {
                return String(text[first]) + String(joiner) + String(tail[next])
            }
        }
        return String(text[first.lowerBound..<end]).trimmingSpaces()
    }

    /// `最初每日用25~50μg`: a 每日 before the amount says how often; else a pattern there.
    private func frequencyBefore(region: String, perWord: (name: String, word: String)?) -> String? {
        if let w = perWord?.word, w.hasBytePrefix("每"), w == "每日" || w == "每天" { return w }
        return rules.frequency.first(in: region).flatMap { f in
            // `一日` alone is how much a day, not how often.
            f == "单次" || f == "一次性" ? f : (f.hasBytePrefix("每日") || f.hasBytePrefix("每天") || f.containsBytes("次") || f.hasBytePrefix("每") ? f : nil)
        }
    }

    // MARK: - Equivalents

    /// `5mg（1/4片）`, `3克（1袋）`, `600mg（每次1片）`, `5-10mg（半片-1片）`: the same dose in
    /// another unit of the product; the measure it is, and where the bracket closes. An amount
    /// per kg or m² in the bracket is a dose of its own.
    private func equivalent(_ s: [Unicode.Scalar], after m: Measure, k: Int, all: [Measure], sentence: Range<Int>)
        -> (Dose.Alternative, Int, Int)? {
        var j = m.end
        while j < sentence.upperBound, s[j] == " " { j += 1 }
        // `1至4片，30至120mg`: the same amount in a unit of the other kind, after a comma alone.
        if j < sentence.upperBound, s[j] == "，" || s[j] == ",", k + 1 < all.count {
            let next = all[k + 1]
            var n = j + 1
            while n < sentence.upperBound, s[n] == " " { n += 1 }
            if next.start == n, next.isDose, (next.kind == "form") != (m.kind == "form"),
               next.per == nil || next.per == m.per, m.kind == "form" || m.kind == "mass" {
                return (Dose.Alternative(amount: next.amount, unit: next.unit, unitText: next.unitText), k + 1, next.end)
            }
        }
        guard j < sentence.upperBound, marks.openers.contains(s[j]) else { return nil }
        var close = j + 1
        while close < sentence.upperBound, close < j + 24, !marks.closers.contains(s[close]) { close += 1 }
        guard close < sentence.upperBound, marks.closers.contains(s[close]) else { return nil }
        guard k + 1 < all.count else { return nil }
        let inner = all[k + 1]
        guard inner.start > j, inner.end <= close, inner.isDose,
              inner.per != "kg", inner.per != "m2", inner.unit != m.unit else { return nil }
        // Only amounts and the words of a dose may share the bracket with it.
        let words = string(s, j + 1, inner.start).trimmingSpaces()
        guard words.isEmpty || ["每次", "一次", "即", "相当于", "约"].contains(words) else { return nil }
        return (Dose.Alternative(amount: inner.amount, unit: inner.unit, unitText: inner.unitText), k + 1, close + 1)
    }

    // MARK: - The drug

    /// The drug named before a measure, and where its name starts; the product when the
    /// statement names none. `本品` stands for the product. Footnote marks between the name
    /// and the amount (`托珠单抗 c 8 mg/kg`) and a bracket around the amount
    /// (`氟达拉滨（25 mg/m2）`) are skipped; words of the dose grammar are never a name
    /// (`成人一日`, `按体重每日`).
    private func drugName(_ s: [Unicode.Scalar], before start: Int, clauseStart: Int, product: String?) -> (String, Int)? {
        let fallback = product.map { ($0, clauseStart) }
        var end = start
        while end > clauseStart, s[end - 1] == " " { end -= 1 }
        if end > clauseStart, s[end - 1] == "（" || s[end - 1] == "(" { end -= 1 }
        var begin = end
        var depth = 0
        while begin > clauseStart {
            let c = s[begin - 1]
            if c == "）" || c == ")" { depth += 1 } else if c == "（" || c == "(" { if depth == 0 { break }; depth -= 1 }
            begin -= 1
        }
        var nameStart = begin
        // After the last verb or conjunction (`静脉输注`, `给予`, `和`).
        let starts = words.drugBoundaries.starts(in: s, begin..<end)
        for word in words.drugBoundaries where !starts.isEmpty {
            if let at = starts.last(where: { s.has(word.scalars, at: $0, end: end) }) { nameStart = max(nameStart, at + word.scalars.count) }
        }
        while nameStart < end, s[nameStart] == " " { nameStart += 1 }
        // `1 剂地塞米松`: a count before the name.
        if nameStart < end, NumberReader.digit(s[nameStart]) != nil {
            while nameStart < end, NumberReader.digit(s[nameStart]) != nil || s[nameStart] == " " || s[nameStart] == "." { nameStart += 1 }
            if nameStart < end { nameStart += 1 }
        }
        var name = string(s, nameStart, end)
        // `吲哚美辛栓（消炎痛栓）`: an alias in brackets stays out of the name.
        if let open = name.firstIndex(where: { $0 == "（" || $0 == "(" }) { name = String(name[..<open]) }
        name = name.trimmingSpaces()
        // `托珠单抗 c`: a footnote mark.
        if name.count > 2, let last = name.lastScalar, ("a"..."z").contains(last), name.unicodeScalars.dropLast().last == " " {
            name = String(name.unicodeScalars.dropLast(2)).trimmingSpaces()
        }
        // `美托洛尔一次`, `泼尼松每日`: how much and how often after the name.
        var trimmed = true
        while trimmed {
            trimmed = false
            for word in words.nameTrailers where name.hasByteSuffix(word) && name.count > word.count {
                // `目标剂量为`, `推荐剂量`: a word before 剂量 says which dose, not which drug.
                if word.containsBytes("量") { return fallback }
                name = String(name.unicodeScalars.dropLast(word.unicodeScalars.count)).trimmingSpaces()
                trimmed = true
            }
        }
        // `华法林的起始剂量每日不宜超过5 mg`: a drug named before 的 and the dose noun.
        if let de = name.firstByteRange(of: "的"), rules.doseNouns.contains(where: { String(name[de.upperBound...]).containsBytes($0) }) {
            let owner = String(name[..<de.lowerBound]).trimmingSpaces()
            if !rules.productWords.contains(where: owner.hasBytePrefix), isDrugLike(owner) { return (owner, nameStart) }
            return fallback
        }
        if rules.productWords.contains(where: { name.hasBytePrefix($0) }) { return fallback }
        if name.isEmpty || !isDrugLike(name) { return bracketOwner(s, before: begin, clauseStart: clauseStart) ?? fallback }
        return (name, nameStart)
    }

    /// `给予氯化铵口服（成人每日8g…）`: an amount in a bracket after a drug named with its route is
    /// that drug's, not the product's.
    private func bracketOwner(_ s: [Unicode.Scalar], before begin: Int, clauseStart: Int) -> (String, Int)? {
        guard begin > 0, marks.openers.contains(s[begin - 1]) else { return nil }
        var end = begin - 1
        while end > 0, s[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0, !marks.clauseEnds.contains(s[start - 1]), !marks.sentenceEnds.contains(s[start - 1]),
              !marks.openers.contains(s[start - 1]), !marks.closers.contains(s[start - 1]) { start -= 1 }
        var text = string(s, start, end)
        // The route after the name, then the verb before it.
        guard let route = rules.routes.first(where: { text.hasByteSuffix($0) }),
              !words.routeIsWithinTerm(s, at: end - route.unicodeScalars.count) else { return nil }
        text = String(text.unicodeScalars.dropLast(route.unicodeScalars.count))
        var cut = 0
        for word in rules.drugBoundaries {
            if let r = text.lastByteRange(of: word) {
                cut = max(cut, text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.upperBound))
            }
        }
        let name = String(text.unicodeScalars.dropFirst(cut)).trimmingSpaces()
        guard !name.isEmpty, !rules.productWords.contains(where: { name.hasBytePrefix($0) }), isDrugLike(name) else { return nil }
        return (name, start + cut)
    }

    /// Two to twenty characters of Han or Latin text with no word of the dose grammar in it and
    /// no disease ending (`脑水肿`).
    private func isDrugLike(_ name: String) -> Bool {
        let scalars = [Unicode.Scalar](scalarsOf: name)
        let all = 0..<scalars.count
        guard scalars.count >= 2, scalars.count <= 20 else { return false }
        if scalars.contains(where: { NumberReader.digit($0) != nil || marks.notInNames.contains($0) }) { return false }
        if !scalars.contains(where: { DisplayWidth.isWide($0.value) }) && scalars.count < 3 { return false }
        if any(words.notDrugWords, scalars, all) { return false }
        if words.indicationSuffixes.contains(where: { scalars.has($0.scalars, endingAt: scalars.count, start: 0) }) { return false }
        if let last = scalars.last, rules.nameEndings.contains(last) { return false }
        if any(words.grammar, scalars, all) { return false }
        // `一个剂量`, `两片`: a count, not a name.
        if let first = scalars.first, ChineseNumeral.digitValue(first) != nil,
           scalars.dropFirst().allSatisfy({ ChineseNumeral.digitValue($0) != nil || marks.counted.contains($0) }) { return false }
        if any(words.populations, scalars, all) { return false }
        return !scalars.contains { marks.nameFillers.contains($0) }
    }

    // MARK: - Helpers

    /// The clause after an amount, to the next `，。；`.
    private func clauseRest(_ s: [Unicode.Scalar], from: Int, limit: Int) -> String {
        var j = from
        while j < limit, !marks.clauseEnds.contains(s[j]), s[j] != "；" { j += 1 }
        return string(s, from, j).trimmingSpaces()
    }

    /// Where the clause holding `i` starts: after the last `，：；` before it that no bracket
    /// encloses.
    private func clauseStart(_ s: [Unicode.Scalar], before i: Int, floor: Int) -> Int {
        var k = i
        var depth = 0
        while k > floor {
            let c = s[k - 1]
            if marks.closers.contains(c) { depth += 1 } else if marks.openers.contains(c) { depth = max(0, depth - 1) }
            else if depth == 0, marks.clauseEnds.contains(c) { break }
            k -= 1
        }
        return k
    }

    /// The word of `lists` that ends nearest the end of `s[region]`, and its list's name; of
    /// two that end together, the longer.
    private func nearest(_ lists: DoseWords.Lists, _ s: [Unicode.Scalar], _ region: Range<Int>) -> (name: String, word: String)? {
        let starts = region.filter { lists.firsts.contains(s[$0]) }
        guard !starts.isEmpty else { return nil }
        var best: (end: Int, length: Int, name: String, word: String)?
        for list in lists.lists {
            for word in list.words {
                guard let at = starts.last(where: { s.has(word.scalars, at: $0, end: region.upperBound) }) else { continue }
                let end = at + word.scalars.count
                if best == nil || end > best!.end || (end == best!.end && word.length > best!.length) {
                    best = (end, word.length, list.name, word.text)
                }
            }
        }
        return best.map { ($0.name, $0.word) }
    }

    /// The word of `lists` that ends nearest the end of `region`, and its list's name.
    private func nearest(_ lists: [(name: String, words: [String])], in region: String) -> (name: String, word: String)? {
        var best: (end: String.Index, length: Int, name: String, word: String)?
        for list in lists {
            for word in list.words {
                guard let r = region.lastByteRange(of: word) else { continue }
                if best == nil || r.upperBound > best!.end || (r.upperBound == best!.end && word.count > best!.length) {
                    best = (r.upperBound, word.count, list.name, word)
                }
            }
        }
        return best.map { ($0.name, $0.word) }
    }

    /// Whether a target word (`增加至`) stands where the step word was found.
    private func regionEnds(_ region: String, with target: String, after step: String) -> Bool {
        guard let r = region.lastByteRange(of: step) else { return false }
        return region[r.lowerBound...].hasBytePrefix(target)
    }

    /// How many brackets are open at `end`, counting from `start`.
    private func depth(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var d = 0
        for i in start..<max(start, end) {
            if s[i] == "（" || s[i] == "(" { d += 1 } else if s[i] == "）" || s[i] == ")" { d = max(0, d - 1) }
        }
        return d
    }

    /// Whether one of `words` stands in `s[range]`.
    private func any(_ words: ScalarWords, _ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        words.occur(in: s, range)
    }

    /// `a..<b` held within `s`, as `string(s, a, b)` reads it (empty when `b` is not past `a`).
    private func clamped(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Range<Int> {
        let a = max(0, a), b = min(s.count, b)
        return a < b ? a..<b : a..<a
    }

    /// `range` without the scalars of `set` at either end, as `String.trimming` cuts them.
    private func trimming(_ s: [Unicode.Scalar], _ range: Range<Int>, _ set: ScalarSet) -> Range<Int> {
        var a = range.lowerBound, b = range.upperBound
        while a < b, set.contains(s[a]) { a += 1 }
        while b > a, set.contains(s[b - 1]) { b -= 1 }
        return a..<b
    }

    private func string(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        string(s, range.lowerBound, range.upperBound)
    }

    private func string(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        let a = max(0, a), b = min(s.count, b)
        guard a < b else { return "" }
        return s.string(a..<b)
    }
}
