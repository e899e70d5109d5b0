/// The dosing rules' word lists in the forms the dose reader asks about them: as scalars, to
/// match in the paragraph's scalars without making a String, and joined the way the reader
/// combines them. Made once with the rules, not at every statement; a class, so that the
/// reader holds one reference to its many lists rather than copying them.
final class DoseWords: Sendable {
    /// A route as written and the route it names (`冲服` is 口服).
    struct Route: Sendable {
        let word: ScalarWord
        let name: String
    }

    /// Longest first, as `DosingRules.routes`.
    let routes: [Route]
    /// The scalars a route starts with: most places in a sentence hold none.
    let routeFirsts: ScalarSet
    /// Words that hold a route but name a vessel, a tissue, a disease, a procedure or a class
    /// of drugs (`深静脉血栓`, `动静脉分流术`, `皮下出血`, `口服降糖药`).
    let routeWithin: ScalarWords
    let routeOnlyLeads: ScalarWords
    let indicationLeads: ScalarWords
    let populationLeadsDropped: ScalarWords
    let populationHeads: ScalarWords
    let populations: ScalarWords
    let indicationSuffixes: ScalarWords
    /// Verbs and conjunctions a drug's name follows (`静脉输注`, `和`).
    let drugBoundaries: ScalarWords
    /// Words that rule a statement out wherever they stand in its sentence, clause or region.
    let animalWords: ScalarWords
    let studyWords: ScalarWords
    let skinTestWords: ScalarWords
    let productAmountLeads: ScalarWords
    let diluentVerbs: ScalarWords
    let negations: ScalarWords
    /// Words never part of a drug's name.
    let notDrugWords: ScalarWords
    /// `剂量`, `给药`, `用量`: a statement that says so speaks of a dose.
    let doseWords: ScalarWords
    /// Named lists as scalars, in the rules' order: qualifiers (and the maximum's alone),
    /// per-time words (`day`, `dose`), per-what words said before the amount, steps; with the
    /// scalars any of their words starts with.
    struct Lists: Sendable {
        let lists: [(name: String, words: ScalarWords)]
        let firsts: ScalarSet

        init(_ named: [(name: String, words: [String])]) {
            lists = named.map { (name: $0.name, words: ScalarWords($0.words)) }
            firsts = ScalarSet(lists.flatMap { $0.words.compactMap(\.scalars.first) })
        }
    }
    let qualifiers: Lists
    let maximumQualifiers: Lists
    let perWords: Lists
    let perBefore: Lists
    let stepLists: Lists
    /// The per-time lists as Strings, for a clause read with its frequency taken out.
    let perWordStrings: [(name: String, words: [String])]
    /// The words of every per-time list (`一日`, `每次`), in the lists' order.
    let perTime: [String]
    /// The words of every step list (`增加`, `减至`…).
    let steps: [String]
    /// What may follow a drug's name before its amount (`一次`, `剂量`): per-time words and dose nouns.
    let nameTrailers: [String]
    /// Words of the dose grammar, never part of a drug's name.
    let grammar: ScalarWords
    /// What may stand between an age band and the amount (`一次`, `用`).
    let ageBandTrailers: [String]
    /// Words that say what to do with a dose (`剂量`, `一日`; dosing.json `instructionWords`):
    /// a clause with one describes no one.
    let instructionWords: ScalarWords
    /// Before a sentence's route: the route is the one it opens with (`本品口服`, `用法：口服`).
    let openingLeads: ScalarWords
    /// Before a route: a sentence that forbids it (`不可静脉注射`) gives no route.
    let routeNegations: [[Unicode.Scalar]]

    /// From the rules' lists as `DosingRules` holds them (sorted, keyed lists in order).
    init(routes: [String], routeWithin: [String], routeNegations: [String], doseMentions: [String], openingRouteLeads: [String],
         instructionWords: [String], ageBandTrailers: [String], routeNames: [String: String], routeOnlyLeads: [String], indicationLeads: [String],
         populationLeadsDropped: [String], populationHeads: [String], populations: [String], indicationSuffixes: [String], drugBoundaries: [String],
         perWords: [(code: String, words: [String])], perBefore: [(code: String, words: [String])], qualifiers: [(name: String, words: [String])],
         steps: [(name: String, words: [String])], stepTargets: [String], doseNouns: [String], notDrugWords: [String],
         animalWords: [String], studyWords: [String], skinTestWords: [String], productAmountLeads: [String],
         diluentVerbs: [String], negations: [String]) {
        self.routes = routes.map { Route(word: ScalarWord($0), name: routeNames[$0] ?? $0) }
        routeFirsts = ScalarSet(self.routes.compactMap(\.word.scalars.first))
        self.routeWithin = ScalarWord.list(routeWithin)
        self.routeOnlyLeads = ScalarWord.list(routeOnlyLeads)
        self.indicationLeads = ScalarWord.list(indicationLeads)
        self.populationLeadsDropped = ScalarWord.list(populationLeadsDropped)
        self.populationHeads = ScalarWord.list(populationHeads)
        self.populations = ScalarWord.list(populations)
        self.indicationSuffixes = ScalarWord.list(indicationSuffixes)
        self.drugBoundaries = ScalarWord.list(drugBoundaries)
        self.animalWords = ScalarWord.list(animalWords)
        self.studyWords = ScalarWord.list(studyWords)
        self.skinTestWords = ScalarWord.list(skinTestWords)
        self.productAmountLeads = ScalarWord.list(productAmountLeads)
        self.diluentVerbs = ScalarWord.list(diluentVerbs)
        self.negations = ScalarWord.list(negations)
        self.notDrugWords = ScalarWord.list(notDrugWords)
        let lists = { (named: [(name: String, words: [String])]) in Lists(named) }
        self.qualifiers = lists(qualifiers)
        maximumQualifiers = lists(qualifiers.filter { $0.name == "maximum" })
        perWordStrings = perWords.map { (name: $0.code, words: $0.words) }
        self.perWords = lists(perWordStrings)
        self.perBefore = lists(perBefore.map { (name: $0.code, words: $0.words) })
        stepLists = lists(steps)
        perTime = perWords.flatMap(\.words)
        self.steps = steps.flatMap(\.words)
        nameTrailers = perTime + doseNouns
        grammar = ScalarWord.list(qualifiers.flatMap(\.words) + self.steps + stepTargets + doseNouns)
        self.ageBandTrailers = perTime + ageBandTrailers
        self.instructionWords = ScalarWords(instructionWords)
        doseWords = ScalarWord.list(doseMentions)
        openingLeads = ScalarWord.list(openingRouteLeads)
        self.routeNegations = routeNegations.map { Array($0.unicodeScalars) }
    }

    /// Whether `s[at]` lies inside one of `routeWithin` (`静脉` in `预防大手术后深静脉血栓`): a
    /// route word that starts there names no route.
    func routeIsWithinTerm(_ s: [Unicode.Scalar], at: Int) -> Bool {
        guard at >= 0, at < s.count else { return false }
        for term in routeWithin {
            let n = term.scalars.count
            var start = max(0, at - n + 1)
            while start <= at {
                if s.has(term.scalars, at: start, end: s.count) { return true }
                start += 1
            }
        }
        return false
    }

    /// The route `written` names; `written` is one of the routes (or a route read earlier).
    func name(ofRoute written: String) -> String {
        routes.first { $0.word.text.utf8.elementsEqual(written.utf8) }?.name ?? written
    }
}
