import Foundation

/// The data-driven rules of the dosing stage (Resources/dosing.json): units and their codes,
/// per-what suffixes, range marks, routes, frequency, schedule and duration patterns, the words
/// that lead a maximum, and the words that stand for the product itself.
public final class DosingRules: Sendable {
    struct Unit: Sendable {
        var written: [Unicode.Scalar]
        /// `written` as a String, made once.
        var text: String
        var code: String
        var kind: String
        var factor: Double
    }
    struct Per: Sendable {
        var written: [Unicode.Scalar]
        var code: String
    }

    /// Longest written form first.
    let units: [Unit]
    /// The same, by first scalar: a number is followed by a unit's first character or by none.
    let unitsByFirst: [Unicode.Scalar: [Unit]]
    let pers: [Per]
    let concentrationPers: [[Unicode.Scalar]]
    let cellUnit: NSRegularExpression
    let minimumCells: Double
    let rangeMarks: [[Unicode.Scalar]]
    let routes: [String]
    let frequency: Patterns
    /// Frequencies that divide the amount before them into several administrations (`分3次服用`).
    let dividedFrequency: Patterns
    let schedule: Patterns
    let duration: Patterns
    let productWords: [String]
    let doseNouns: [String]
    let drugBoundaries: [String]
    let comparisons: [String]
    let reportNouns: [String]
    let sharedConnectors: [String]
    let belowZero: [String]
    /// Dosage-form units a Chinese numeral may count (`一次两片`).
    let chineseAmountUnits: Set<Unicode.Scalar>
    /// Who a dose is for (`成人`, `儿童`), longest first.
    let populations: [String]
    /// Written routes that name another (`冲服` is 口服, `肌注` 肌内注射).
    let routeNames: [String: String]
    /// What may stand around a route in a sentence that only gives the route (`本品口服。`).
    let routeOnlyLeads: [String]
    /// initial, maintenance, maximum and the words that say each, longest first.
    let qualifiers: [(name: String, words: [String])]
    /// increment, decrement, total, course_total and their words.
    let steps: [(name: String, words: [String])]
    /// `增加至`, `减至`: a target, so the words of a step after them do not make one.
    let stepTargets: [String]
    /// day and dose, and the words before an amount that say so (`一日`, `每次`).
    let perWords: [(code: String, words: [String])]
    /// kg and m2 said before the amount (`每日每千克体重14mg`).
    let perBefore: [(code: String, words: [String])]
    /// The nouns that end a description of who (`老年或有心血管疾病患者`).
    let populationHeads: [String]
    let populationLeadsDropped: [String]
    /// A clause that opens with these names an indication, not who (`用于慢性肾炎患者：`).
    let indicationLeads: [String]
    let ageBand: NSRegularExpression
    /// What every age band holds (`岁`, `个月`, `kg`…): most clauses hold none.
    let ageBandWords: RequiredWords
    let productAmountLeads: [String]
    let packMarks: [String]
    let animalWords: [String]
    let diluentWords: [String]
    let diluentVerbs: [String]
    let skinTestWords: [String]
    let studyWords: [String]
    let conditionAfter: [String]
    let doseSections: Set<String>
    let cueSections: Set<String>
    let notDrugWords: [String]
    let indicationSuffixes: [String]
    /// Characters a drug's name never ends with (`视病情轻重介于`).
    let nameEndings: ScalarSet
    /// `不推荐`: the amount is one not to give.
    let negations: [String]
    /// `从2.5mg开始`, `10mg，作为维持治疗`: a qualifier written after the amount.
    let initialAfter: [String]
    let maintenanceAfter: [String]
    /// `服用95mg无效的患者`: a clause that ends in who or when after the amount is a condition.
    let conditionHeads: [String]
    /// The lists above as the dose reader matches them.
    let words: DoseWords

    private struct File: Decodable {
        struct UnitEntry: Decodable { var written: [String]; var code: String; var kind: String; var factor: Double? }
        struct PerEntry: Decodable { var written: [String]; var code: String }
        var units: [UnitEntry]
        var cellUnitPattern: String
        var minimumCells: Double
        var per: [PerEntry]
        var concentrationPers: [String]
        var rangeMarks: [String]
        var routes: [String]
        var routeWithin: [String]
        var frequencyPatterns: [String]
        var dividedFrequencyPatterns: [String]
        var routeNegations: [String]
        var doseMentions: [String]
        var openingRouteLeads: [String]
        var instructionWords: [String]
        var ageBandTrailers: [String]
        var schedulePatterns: [String]
        var durationPatterns: [String]
        var productWords: [String]
        var doseNouns: [String]
        var drugBoundaries: [String]
        var comparisons: [String]
        var reportNouns: [String]
        var sharedConnectors: [String]
        var belowZero: [String]
        var chineseAmountUnits: [String]
        var populations: [String]
        var routeNames: [String: String]
        var routeOnlyLeads: [String]
        var qualifiers: [String: [String]]
        var steps: [String: [String]]
        var stepTargets: [String]
        var perWords: [String: [String]]
        var perBefore: [String: [String]]
        var populationHeads: [String]
        var populationLeadsDropped: [String]
        var indicationLeads: [String]
        var ageBandPattern: String
        var productAmountLeads: [String]
        var packMarks: [String]
        var animalWords: [String]
        var diluentWords: [String]
        var diluentVerbs: [String]
        var skinTestWords: [String]
        var studyWords: [String]
        var conditionAfter: [String]
        var doseSections: [String]
        var cueSections: [String]
        var notDrugWords: [String]
        var indicationSuffixes: [String]
        var nameEndings: [String]
        var negations: [String]
        var initialAfter: [String]
        var maintenanceAfter: [String]
        var conditionHeads: [String]
    }

    public static let standard: DosingRules = {
        do { return try DosingRules(json: Data(PackageResources.dosing_json)) } catch {
            fatalError("the bundled dosing.json is broken: \(error)")
        }
    }()

    public init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        units = file.units.flatMap { u in
            u.written.map { Unit(written: Array($0.unicodeScalars), text: $0, code: u.code, kind: u.kind, factor: u.factor ?? 1) }
        }.sorted { $0.written.count > $1.written.count }
        unitsByFirst = Dictionary(grouping: units, by: { $0.written[0] })
        pers = file.per.flatMap { p in p.written.map { Per(written: Array($0.unicodeScalars), code: p.code) } }
            .sorted { $0.written.count > $1.written.count }
        concentrationPers = file.concentrationPers.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        cellUnit = try NSRegularExpression(pattern: file.cellUnitPattern)
        minimumCells = file.minimumCells
        rangeMarks = file.rangeMarks.map { Array($0.unicodeScalars) }
        routes = file.routes.sorted { $0.count > $1.count }
        // One pattern per kind, the listed ones as alternatives: the leftmost match wins either
        // way, and each regex call bridges the text to NSString once.
        let joined = { (patterns: [String]) in try Patterns([patterns.map { "(?:\($0))" }.joined(separator: "|")]) }
        frequency = try joined(file.frequencyPatterns)
        dividedFrequency = try Patterns(file.dividedFrequencyPatterns)
        schedule = try joined(file.schedulePatterns)
        duration = try joined(file.durationPatterns)
        productWords = file.productWords
        doseNouns = file.doseNouns.sorted { $0.count > $1.count }
        drugBoundaries = file.drugBoundaries.sorted { $0.count > $1.count }
        comparisons = file.comparisons.sorted { $0.count > $1.count }
        reportNouns = file.reportNouns
        sharedConnectors = file.sharedConnectors
        belowZero = file.belowZero
        populations = file.populations.sorted { $0.count > $1.count }
        chineseAmountUnits = Set(file.chineseAmountUnits.compactMap(\.firstScalar))
        let longestFirst = { (words: [String]) in words.sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) } }
        // Keyed lists in a fixed order, so that a tie between two lists is settled the same way
        // on every run (dictionary order is not).
        let ordered = { (map: [String: [String]]) in map.keys.sorted().map { (name: $0, words: longestFirst(map[$0]!)) } }
        routeNames = file.routeNames
        routeOnlyLeads = file.routeOnlyLeads
        qualifiers = ordered(file.qualifiers)
        steps = ordered(file.steps)
        stepTargets = longestFirst(file.stepTargets)
        perWords = ordered(file.perWords).map { (code: $0.name, words: $0.words) }
        perBefore = ordered(file.perBefore).map { (code: $0.name, words: $0.words) }
        populationHeads = longestFirst(file.populationHeads)
        populationLeadsDropped = longestFirst(file.populationLeadsDropped)
        indicationLeads = longestFirst(file.indicationLeads)
        ageBand = try NSRegularExpression(pattern: file.ageBandPattern)
        ageBandWords = RequiredWords(pattern: file.ageBandPattern)
        productAmountLeads = longestFirst(file.productAmountLeads)
        packMarks = file.packMarks
        animalWords = file.animalWords
        diluentWords = longestFirst(file.diluentWords)
        diluentVerbs = file.diluentVerbs
        skinTestWords = file.skinTestWords
        studyWords = file.studyWords
        conditionAfter = longestFirst(file.conditionAfter)
        doseSections = Set(file.doseSections)
        cueSections = Set(file.cueSections)
        notDrugWords = longestFirst(file.notDrugWords)
        indicationSuffixes = longestFirst(file.indicationSuffixes)
        nameEndings = ScalarSet(file.nameEndings.compactMap(\.firstScalar))
        negations = file.negations
        initialAfter = longestFirst(file.initialAfter)
        maintenanceAfter = file.maintenanceAfter
        conditionHeads = longestFirst(file.conditionHeads)
        words = DoseWords(routes: routes, routeWithin: file.routeWithin, routeNegations: file.routeNegations,
                          doseMentions: file.doseMentions, openingRouteLeads: file.openingRouteLeads,
                          instructionWords: file.instructionWords, ageBandTrailers: file.ageBandTrailers, routeNames: routeNames, routeOnlyLeads: routeOnlyLeads, indicationLeads: indicationLeads,
                          populationLeadsDropped: populationLeadsDropped, populationHeads: populationHeads, populations: populations,
                          indicationSuffixes: indicationSuffixes, drugBoundaries: drugBoundaries,
                          perWords: perWords, perBefore: perBefore, qualifiers: qualifiers, steps: steps, stepTargets: stepTargets, doseNouns: doseNouns,
                          notDrugWords: notDrugWords, animalWords: animalWords, studyWords: studyWords,
                          skinTestWords: skinTestWords, productAmountLeads: productAmountLeads, diluentVerbs: diluentVerbs,
                          negations: negations)
    }
}
