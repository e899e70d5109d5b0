import Foundation
@testable import DrugLabel
import Testing

/// Editing a bundled rule file as JSON.
enum RuleJSON {
    static func bundled(_ name: String) -> [UInt8] {
        switch name {
        case "sections.json": PackageResources.sections_json
        case "text-rules.json": PackageResources.text_rules_json
        case "form-fields.json": PackageResources.form_fields_json
        case "tables.json": PackageResources.tables_json
        case "dosing.json": PackageResources.dosing_json
        case "metadata.json": PackageResources.metadata_json
        case "validation-common.json": PackageResources.validation_common_json
        case "validation-chemical.json": PackageResources.validation_chemical_json
        case "validation-tcm.json": PackageResources.validation_tcm_json
        case "validation-vaccine.json": PackageResources.validation_vaccine_json
        case "validation-otc.json": PackageResources.validation_otc_json
        case "crosscheck.json": PackageResources.crosscheck_json
        default: fatalError("no rule file \(name)")
        }
    }

    static func object(_ name: String) -> [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(bundled(name))) as! [String: Any]
    }

    /// A path step: a key, an index, or `key=value` (the element of an array whose `key` is `value`).
    static func get(_ value: Any, _ path: [String]) -> Any? {
        guard let step = path.first else { return value }
        if let dict = value as? [String: Any] { return dict[step].flatMap { get($0, Array(path.dropFirst())) } }
        if let array = value as? [Any], let i = index(array, step) { return get(array[i], Array(path.dropFirst())) }
        return nil
    }

    static func set(_ value: inout Any, _ path: [String], _ new: Any?) {
        guard let step = path.first else { if let new { value = new }; return }
        let rest = Array(path.dropFirst())
        if var dict = value as? [String: Any] {
            if rest.isEmpty { dict[step] = new } else {
                var child: Any = dict[step] ?? [String: Any]()
                set(&child, rest, new)
                dict[step] = child
            }
            value = dict
        } else if var array = value as? [Any], let i = index(array, step) {
            if rest.isEmpty {
                if let new { array[i] = new } else { array.remove(at: i) }
            } else {
                var child = array[i]
                set(&child, rest, new)
                array[i] = child
            }
            value = array
        }
    }

    private static func index(_ array: [Any], _ step: String) -> Int? {
        if let i = Int(step) { return i < array.count ? i : nil }
        let parts = step.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        return array.firstIndex { ($0 as? [String: Any])?[parts[0]].map { "\($0)" } == parts[1] }
    }

    static func data(_ object: Any) -> Data { try! JSONSerialization.data(withJSONObject: object) }
}

/// One change to a rule file: `remove` a word from the list at `path`, or `set` a value (nil
/// deletes the key, or the entry of a list).
struct RuleEdit: @unchecked Sendable {
    enum Op { case remove(String), set(Any?) }
    var path: [String]
    var op: Op

    func apply(to object: inout Any) {
        switch op {
        case .remove(let word):
            let list = RuleJSON.get(object, path) as? [Any] ?? []
            if !list.contains(where: { "\($0)" == word }) { Issue.record("\(path) holds no \(word)") }
            RuleJSON.set(&object, path, list.filter { "\($0)" != word })
        case .set(let value):
            RuleJSON.set(&object, path, value)
        }
    }
}

// MARK: - The cases

/// What a document, a validation or a cross-check came to under one set of rules.
struct RuleOutcome {
    var label: Label
    var report: ValidationReport?
    var cross: CrossCheckReport?
    /// Why the validator refused to run (an unknown profile, an order the catalogue lacks).
    var failure: String?
}

/// One key of one rule file, changed, and what the change does to a small input written here.
struct KeyCase: Sendable, CustomTestStringConvertible {
    enum Probe: Sendable {
        case parse
        /// Validated with this profile (nil: inferred), as of 2025-01-01.
        case validate(String?)
        /// The input is the quoting document, this the label it quotes.
        case crosscheck(String)
    }

    var file: String
    /// The key's path in the file: `a.b` nested, `a[].b` in every element of a list.
    var key: String
    var edits: [RuleEdit]
    /// Changes made on both sides, by file: what the key's effect needs to show.
    var base: [String: [RuleEdit]] = [:]
    var input: String
    var probe: Probe = .parse
    var observe: @Sendable (RuleOutcome) -> String
    var before: String
    var after: String
    /// A key that changes nothing yet, and where the fix belongs: the test expects a change
    /// and records the issue as known until the code honours the key.
    var knownIssue: String?

    var testDescription: String { "\(file) \(key)" }
}

/// The rule files are the parser's and the validator's domain knowledge, edited by experts
/// without rebuilding: a key the code ignores is an edit that silently does nothing. Each key of
/// each file (nested settings too; a map of data as one key) is changed here, on a small input
/// written for it, and the behaviour it rules must change as stated. `about` and `…Note` keys
/// document and are exempt, as is `basis`. Keys that change nothing yet are cases with a known
/// issue naming where the fix belongs; once honoured, their case fails until it states the change.
/// A key added to a file without a case fails `everyKeyIsCovered`.
@Suite("Every key of every rule file changes what it rules")
struct RuleKeysTests {
    static let profileFiles = ["validation-chemical.json", "validation-tcm.json", "validation-vaccine.json", "validation-otc.json"]
    static let files = ["sections.json", "text-rules.json", "form-fields.json", "tables.json", "dosing.json", "metadata.json",
                        "validation-common.json"] + profileFiles + ["crosscheck.json"]

    /// Keys whose value is a map of data (a name to its words), covered as one key.
    static let dataMaps: [String: Set<String>] = [
        "sections.json": ["orders", "sections[].labels"],
        "text-rules.json": ["html.entities"],
        "dosing.json": ["routeNames"],
        "metadata.json": ["shelfLife.units"],
    ]

    /// Keys that only document: `about` and `…Note` anywhere, and these.
    static let documentation: [String: String] = [
        "basis": "validation profiles: the regulation the profile follows, for the reader of the file",
    ]

    static func isDocumentation(_ key: String) -> Bool {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        return last == "about" || last.hasSuffix("Note") || documentation[last] != nil
    }

    static let cases: [KeyCase] = metadataCases + textCases + sectionCases + formCases + tableCases + dosingCases
        + validationCases + profileCases + crossCheckCases

    @Test("a changed key changes the behaviour it rules", arguments: RuleKeysTests.cases)
    func keyIsHonoured(_ c: KeyCase) throws {
        let before = c.observe(try Self.run(c, edited: false))
        let after = c.observe(try Self.run(c, edited: true))
        if let issue = c.knownIssue {
            let changed = before != after
            withKnownIssue(Comment(rawValue: "\(c.file) \(c.key) changes nothing: \(issue)")) {
                #expect(changed)
            }
            return
        }
        #expect(before == c.before, "\(c.file) \(c.key), bundled rules")
        #expect(after == c.after, "\(c.file) \(c.key), changed")
    }

    @Test("the keys the cases cover are the keys of the rule files")
    func everyKeyIsCovered() throws {
        var total = 0
        for file in Self.files {
            let keys = Set(Self.keys(of: RuleJSON.object(file), in: file))
            total += keys.count
            let covered = Set(Self.cases.filter { $0.file == file }.map(\.key))
            let untested = keys.filter { !covered.contains($0) && !Self.isDocumentation($0) }
            let unknown = covered.subtracting(keys)
            #expect(untested.isEmpty, "\(file): keys without a case: \(untested.sorted())")
            #expect(unknown.isEmpty, "\(file): cases for keys the file does not have: \(unknown.sorted())")
        }
        #expect(total > 200, "the walk finds the files' keys (\(total))")
        // The walk itself: nested settings, lists of entries, maps of data.
        let sample: [String: Any] = ["a": ["b": 1, "c": [["d": 1], ["e": 2]]] as [String: Any], "m": ["x": 1]]
        #expect(Self.keys(of: sample, in: "sections.json").sorted() == ["a.b", "a.c[].d", "a.c[].e", "m.x"])
        #expect(Self.keys(of: RuleJSON.object("sections.json"), in: "sections.json").contains("sections[].labels"))
    }

    /// The key paths of a rule file: a nested object's keys (a map of data as one key), the keys
    /// of a list's entries under `[]`.
    static func keys(of object: [String: Any], in file: String, prefix: String = "") -> [String] {
        var result: [String] = []
        for (key, value) in object {
            let path = prefix.isEmpty ? key : prefix + "." + key
            if dataMaps[file]?.contains(path) == true {
                result.append(path)
            } else if let nested = value as? [String: Any] {
                result += keys(of: nested, in: file, prefix: path)
            } else if let list = value as? [Any], !list.isEmpty, list.allSatisfy({ $0 is [String: Any] }) {
                var merged: [String: Any] = [:]
                for entry in list { merged.merge(entry as! [String: Any]) { a, _ in a } }
                result += keys(of: merged, in: file, prefix: path + "[]")
            } else {
                result.append(path)
            }
        }
        return result
    }

    // MARK: Running a case

    static func run(_ c: KeyCase, edited: Bool) throws -> RuleOutcome {
        var objects: [String: Any] = [:]
        var changes = c.base
        if edited { changes[c.file, default: []] += c.edits }
        for (file, edits) in changes {
            var object: Any = RuleJSON.object(file)
            for edit in edits { edit.apply(to: &object) }
            objects[file] = object
        }
        var parseRules: [RuleSet.File: [UInt8]] = [:]
        for (file, object) in objects {
            if let f = RuleSet.File(rawValue: file) { parseRules[f] = Array(RuleJSON.data(object)) }
        }
        let ruleSet = try RuleSet(edited: parseRules)
        let parser = try LabelParser(ruleSet: ruleSet)
        let document = try parser.parseDocument(bytes: Array(c.input.utf8), path: "case.txt")
        var outcome = RuleOutcome(label: document.label)
        switch c.probe {
        case .parse:
            break
        case .validate(let profile):
            let data = { (file: String) in objects[file].map(RuleJSON.data) ?? Data(RuleJSON.bundled(file)) }
            let rules = try ValidationRules(profiles: profileFiles.map(data), common: data("validation-common.json"))
            do {
                let validator = try LabelValidator(rules: rules, catalogue: ruleSet.catalogue, tableRules: ruleSet.tables,
                                                   dosingRules: ruleSet.dosing, metadataRules: ruleSet.metadata)
                outcome.report = try validator.validate(document.label, profile: profile, asOf: "2025-01-01")
            } catch {
                outcome.failure = "\(error)"
            }
        case .crosscheck(let label):
            let quoted = try parser.parseDocument(bytes: Array(label.utf8), path: "label.txt")
            let rules = try objects["crosscheck.json"].map { try JSONDecoder().decode(CrossCheckRules.self, from: RuleJSON.data($0)) }
            outcome.cross = try CrossChecker(rules: rules ?? .standard, catalogue: ruleSet.catalogue).check(document, against: quoted)
        }
        return outcome
    }

    // MARK: Building cases

    static func remove(_ path: String, _ words: String...) -> [RuleEdit] {
        words.map { RuleEdit(path: steps(path), op: .remove($0)) }
    }

    static func set(_ path: String, _ value: Any?) -> [RuleEdit] { [RuleEdit(path: steps(path), op: .set(value))] }

    static func steps(_ path: String) -> [String] { path.split(separator: ".").map(String.init) }

    static func parse(_ file: String, _ key: String, _ edits: [RuleEdit], _ input: String,
                      _ observe: @escaping @Sendable (Label) -> String, _ before: String, _ after: String) -> KeyCase {
        KeyCase(file: file, key: key, edits: edits, input: input, observe: { observe($0.label) }, before: before, after: after)
    }

    static func validate(_ file: String, _ key: String, _ edits: [RuleEdit], _ input: String, profile: String? = nil,
                         base: [String: [RuleEdit]] = [:],
                         _ observe: @escaping @Sendable (ValidationReport) -> String, _ before: String, _ after: String) -> KeyCase {
        KeyCase(file: file, key: key, edits: edits, base: base, input: input, probe: .validate(profile),
                observe: { $0.report.map(observe) ?? "failed: \($0.failure ?? "")" }, before: before, after: after)
    }

    /// A key that changes nothing yet: any change of the label or its validation would do.
    static func unhonoured(_ file: String, _ key: String, _ edits: [RuleEdit], _ input: String, fix: String) -> KeyCase {
        KeyCase(file: file, key: key, edits: edits, input: input, probe: .validate(nil),
                observe: { o in
                    let label = (try? LabelJSON.encode(o.label)).map { String(decoding: $0, as: UTF8.self) } ?? ""
                    let report = o.report.flatMap { try? LabelJSON.encode($0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
                    return label + report + (o.failure ?? "")
                }, before: "", after: "", knownIssue: fix)
    }

    // MARK: Observing

    /// Each dose's `field`, `-` for none, in order.
    static func doses(_ field: @escaping @Sendable (Dose) -> String?) -> @Sendable (Label) -> String {
        { label in label.doses.map { field($0) ?? "-" }.joined(separator: "|") }
    }

    /// Each dose's amount and unit (`10mg`, `10-20mg`).
    static let amounts: @Sendable (Label) -> String = doses { d in
        let a = d.amount
        let n = { (v: Double) in v == v.rounded() ? String(Int(v)) : String(v) }
        let value = a.value.map(n) ?? [a.low, a.high].map { $0.map(n) ?? "" }.joined(separator: "-")
        return value + d.unit
    }

    static func section(_ key: String) -> @Sendable (Label) -> String {
        { $0.section(key)?.text ?? "-" }
    }

    static func field(_ name: String) -> @Sendable (Label) -> String {
        { $0.fields.first { $0.name == name }?.value ?? "-" }
    }

    /// The classifier's verdict: its diagnostic's message up to the colon.
    static let classified: @Sendable (Label) -> String = { label in
        let message = label.diagnostics.first { $0.code.hasPrefix("classify.") }?.message ?? "-"
        return String(message.prefix { $0 != ":" })
    }

    static func has(_ code: String) -> @Sendable (Label) -> String {
        { $0.diagnostics.contains { $0.code == code } ? code : "-" }
    }

    /// The findings of one rule: `severity message`, one a line.
    static func findings(_ rule: String) -> @Sendable (ValidationReport) -> String {
        { report in report.findings.filter { $0.rule == rule }.map { "\($0.severity.rawValue) \($0.message)" }.joined(separator: "\n") }
    }

    static func count(_ rule: String) -> @Sendable (ValidationReport) -> String {
        { report in String(report.findings.filter { $0.rule == rule }.count) }
    }

    static func table(_ observe: @escaping @Sendable (Table) -> String) -> @Sendable (Label) -> String {
        { $0.tables.first.map(observe) ?? "-" }
    }
}

// MARK: - Inputs

/// Small synthetic documents: a label, its sections alone, an application form, slides, an article.
enum Snippet {
    static let preamble = ["测试片说明书", "请仔细阅读说明书并在医师指导下使用", "核准日期：2020年01月01日", "修改日期：2021年02月03日"]
    static let sections: [(String, String)] = [
        ("药品名称", "通用名称：测试片\n英文名称：Ceshi Tablets\n汉语拼音：Ceshi Pian"),
        ("成份", "本品主要成份为测试素。"),
        ("性状", "本品为白色片。"),
        ("适应症", "用于测试。"),
        ("规格", "10mg"),
        ("用法用量", "口服，一次10mg，一日2次。"),
        ("不良反应", "尚不明确。"),
        ("禁忌", "尚不明确。"),
        ("注意事项", "尚不明确。"),
        ("贮藏", "遮光，密封，不超过25℃保存。"),
        ("包装", "铝塑包装，12片/盒。"),
        ("有效期", "24个月"),
        ("执行标准", "YBH00012020"),
        ("批准文号", "国药准字H20200001"),
        ("上市许可持有人", "名称：测试制药有限公司\n地址：测试市测试路1号"),
        ("生产企业", "企业名称：测试制药有限公司\n生产地址：测试市测试路1号"),
    ]

    /// A label: the preamble, then each section under its 【】 heading.
    static func label(pre: [String] = preamble, sections: [(String, String)] = sections, drop: Set<String> = [],
                      replacing: [String: String] = [:], extra: [(String, String)] = []) -> String {
        let kept = sections.filter { !drop.contains($0.0) }.map { (replacing[$0.0] ?? $0.0, $0.1) } + extra
        return pre.map { $0 + "\n" }.joined() + kept.map { "【\($0.0)】\n\($0.1)\n" }.joined()
    }

    /// Sections alone, no preamble.
    static func only(_ sections: (String, String)...) -> String { label(pre: [], sections: sections) }

    /// A dosing statement in 【用法用量】 (or another section) of a label of 测试片.
    static func dosing(_ text: String, in heading: String = "用法用量") -> String {
        only(("药品名称", "通用名称：测试片"), (heading, text), ("适应症", "用于测试。"), ("不良反应", "尚不明确。"))
    }

    static let application = """
        2023年国家医保药品目录调整
        申报信息
        药品通用名称：测试片
        企业名称：测试制药有限公司
        申报信息
        申报时间：2023年
        注册证号/批准文号：国药准字H20200001
        上市许可持有人（授权企业）：测试制药有限公司
        药品申报条件：
        核心专利类型1：发明专利
        核心专利权期限届满日1：2030-01-01
        试验类型1：随机对照试验
        试验对照药品：安慰剂
        试验阶段：上市前
        参照药品名称对照片
        说明书适应症：用于测试。
        企业承诺书
        下载文件 承诺书.pdf
        1.2019年1月1日至2023年6月30日期间获批的药品。
        2.其他条件。

        """

    static let applicationByName = "申报信息\n药品名称：测试片\n企业名称：测试制药有限公司\n申报时间：2023年\n药品目录：甲类\n药品类别：化学药\n"

    static let slides = "# 测试片\n# 基本信息\n# 安全性\n药品通用名称\t测试片\n用法用量概述\t口服，一次10mg，一日2次。\n中国大陆首次上市时间\t2020年01月01日\n说明书适应症\t用于<b>测试</b>。\n"

    static let article = "摘要\n" + (1...24).map { "第\($0)行：这是一段用于测试的普通文字内容。\n" }.joined()

    /// Headings without brackets, each alone on its line.
    static let bare = "药品名称\n测试片\n适应症\n用于测试。\n用法用量\n口服。\n不良反应\n尚不明确。\n"

    /// Three pages (form feeds), each opening with the same running header.
    static let pages = "测试制药 内部资料\n【药品名称】\n通用名称：测试片\n【成份】\n本品主要成份为测试素。\n\u{0C}测试制药 内部资料\n【适应症】\n用于测试。\n【用法用量】\n口服。\n\u{0C}测试制药 内部资料\n【不良反应】\n尚不明确。\n【禁忌】\n尚不明确。\n"

    /// Five lines of one width, the first ending in `；`.
    static let wrapped = "本品用于测试目的的说明文字这一行写满了宽度；\n第二行继续写满宽度的说明文字内容到这里为止了。\n第三行继续写满宽度的说明文字内容到这里为止了。\n第四行继续写满宽度的说明文字内容到这里为止了。\n第五行也写满宽度的说明文字内容到这里就结束。"

    static func adverseTable(caption: String = "表1 不良反应发生率", extraRows: String = "") -> String {
        caption + "\n不良反应  测试组（N=100）  安慰剂组（N=50）\n所有等级  ≥3级  所有等级  ≥3级\n头痛 a  10  2  5  1\n恶心（%）  12  3  NE  -\n乏力  8  NA  4  0\n"
            + extraRows + "注：数据来源于测试研究。\na. 头痛包括偏头痛。\n"
    }

    static func inAdverseReactions(_ body: String) -> String {
        only(("不良反应", body), ("适应症", "用于测试。"), ("用法用量", "口服。"))
    }

    static let efficacyTable = only(("临床试验", "表3 疗效结果\n指标  测试组（N=100）\n客观缓解率（%）  45\n缓解持续时间，月 中位值（范围）  9.2（1.0，14.4）\n"),
                                    ("适应症", "用于测试。"), ("用法用量", "口服。"))

    static let proseTable = inAdverseReactions("表2 处理建议\n分级  处理\n1 级\n对症治疗。\n2 级\n给予托珠单抗治疗。\n注：按需处理。\n")
}

// MARK: - metadata.json

extension RuleKeysTests {
    static let metadataCases: [KeyCase] = {
        let f = "metadata.json"
        let storage = { (text: String) in Snippet.only(("贮藏", text)) }
        let limits: @Sendable (Label) -> String = { label in
            guard let s = label.metadata.storage else { return "-" }
            return [s.minCelsius, s.maxCelsius].map { $0.map { String(Int($0)) } ?? "·" }.joined(separator: "…")
        }
        return [
            parse(f, "formFields.genericNameStarts", remove("formFields.genericNameStarts", "药品通用名称"), Snippet.application,
                  { $0.metadata.genericName ?? "-" }, "测试片", "-"),
            parse(f, "formFields.genericNameIs", remove("formFields.genericNameIs", "药品名称"), Snippet.applicationByName,
                  { $0.metadata.genericName ?? "-" }, "测试片", "-"),
            parse(f, "formFields.holderStarts", remove("formFields.holderStarts", "上市许可持有人"), Snippet.application,
                  { $0.metadata.holder?.name ?? "-" }, "测试制药有限公司", "-"),
            parse(f, "formFields.approvalNumberContains", remove("formFields.approvalNumberContains", "批准文号"), Snippet.application,
                  { $0.metadata.approvalNumbers.joined() }, "国药准字H20200001", ""),
            // No name block: the title names the product, without the longest ending it has.
            parse(f, "title.endings", remove("title.endings", "使用说明书"), Snippet.label(pre: ["测试片使用说明书"], drop: ["药品名称"]),
                  { $0.metadata.genericName ?? "-" }, "测试片", "测试片使用"),
            parse(f, "title.maxLength", set("title.maxLength", 5), Snippet.label(), { $0.title ?? "-" }, "测试片说明书", "-"),
            parse(f, "title.notWords", remove("title.notWords", "阅读"), Snippet.label(pre: ["请仔细阅读说明书", "测试片说明书"]),
                  { $0.title ?? "-" }, "测试片说明书", "请仔细阅读说明书"),
            parse(f, "dates.datePattern", set("dates.datePattern", #"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})"#),
                  Snippet.label(pre: ["测试片说明书", "修改日期：2021.02.03"]), { $0.metadata.revisions.map(\.date).joined() }, "2021-02-03", ""),
            parse(f, "dates.ordinalPattern", set("dates.ordinalPattern", #"第\s*(\d+)\s*版"#),
                  Snippet.label(pre: ["测试片说明书", "第二次修改日期：2021年02月03日"]),
                  { $0.metadata.revisions.map { "\($0.ordinal.map(String.init) ?? "-") \($0.date)" }.joined() }, "2 2021-02-03", "- 2021-02-03"),
            parse(f, "dates.revisionWords", remove("dates.revisionWords", "修订"), Snippet.label(pre: ["测试片说明书", "修订日期：2021年02月03日"]),
                  { $0.metadata.revisions.map(\.date).joined() }, "2021-02-03", ""),
            parse(f, "dates.approvalWords", remove("dates.approvalWords", "核准"), Snippet.label(), { $0.metadata.approvalDate ?? "-" }, "2020-01-01", "-"),
            // 【核准日期】 holding only the date: the heading's word says which date it is.
            parse(f, "dates.approvalWords", remove("dates.approvalWords", "核准"), Snippet.label(pre: [], extra: [("核准日期", "2019年05月06日")]),
                  { "\($0.metadata.approvalDate ?? "-") \($0.metadata.revisions.map(\.date).joined())" }, "2019-05-06 ", "- 2019-05-06"),
            parse(f, "dates.dateWords", set("dates.dateWords", ["时间"]), Snippet.label(),
                  { "\($0.metadata.approvalDate ?? "-") \($0.metadata.revisions.map(\.date).joined())" }, "2020-01-01 2021-02-03", "- "),
            parse(f, "approvalNumbers.prefixes", remove("approvalNumbers.prefixes", "国药准字"), Snippet.label(),
                  { $0.metadata.approvalNumbers.joined() }, "国药准字H20200001", "H20200001"),
            parse(f, "approvalNumbers.keptPrefix", set("approvalNumbers.keptPrefix", "注册证号"),
                  Snippet.label(sections: [("批准文号", "国药准字H20200001\n注册证号H20200002")]),
                  { $0.metadata.approvalNumbers.joined(separator: " ") }, "国药准字H20200001 H20200002", "H20200001 注册证号H20200002"),
            parse(f, "approvalNumbers.codePattern", set("approvalNumbers.codePattern", #"[A-Z]\s*\d{8}"#),
                  Snippet.label(sections: [("批准文号", "国药准字HJ20200001")]), { $0.metadata.approvalNumbers.joined() }, "国药准字HJ20200001", "J20200001"),
            validate(f, "approvalNumbers.validPatterns", remove("approvalNumbers.validPatterns", "^国药准字[HZSJBF][JC]?\\d{8}$"), Snippet.label(),
                     count("approvalNumber.form"), "0", "1"),
            validate(f, "approvalNumbers.validNote", set("approvalNumbers.validNote", "国药准字 + 字母 + 8 位数字"),
                     Snippet.label(sections: [("批准文号", "国药准字X2020001")]),
                     { r in r.findings.first { $0.rule == "approvalNumber.form" }.map { $0.message.contains("(国药准字 + 字母 + 8 位数字)") ? "edited note" : "bundled note" } ?? "-" },
                     "bundled note", "edited note"),
            // The profile reads the letter after the kept prefix: `国药准字Z…` is TCM.
            validate(f, "approvalNumbers.keptPrefix", set("approvalNumbers.keptPrefix", "注册证号"), Snippet.label(sections: [("批准文号", "国药准字Z20200001")]),
                     { $0.profile }, "tcm", "chemical"),
            parse(f, "temperature.belowZeroWords", remove("temperature.belowZeroWords", "零下"), storage("零下20℃保存"), limits, "·…-20", "·…20"),
            parse(f, "temperature.units", remove("temperature.units", "摄氏度"), storage("低于零下 150 摄氏度保存"), limits, "·…-150", "·…·"),
            parse(f, "temperature.rangeMarks", remove("temperature.rangeMarks", "至"), storage("2至8℃保存"), limits, "2…8", "·…8"),
            parse(f, "temperature.atMostBefore", remove("temperature.atMostBefore", "不高于"), storage("不高于30℃保存"), limits, "·…30", "30…·"),
            parse(f, "temperature.atLeastBefore", remove("temperature.atLeastBefore", "不低于"), storage("不低于10℃保存"), limits, "10…·", "·…10"),
            parse(f, "temperature.atLeastAfter", remove("temperature.atLeastAfter", "以上"), storage("10℃以上保存"), limits, "10…·", "·…10"),
            parse(f, "shelfLife.units", set("shelfLife.units.年", 10), Snippet.only(("有效期", "2年")),
                  { $0.metadata.shelfLife?.months.map(String.init) ?? "-" }, "24", "20"),
        ]
    }()
}

// MARK: - text-rules.json

extension RuleKeysTests {
    static let textCases: [KeyCase] = {
        let f = "text-rules.json"
        let cautions = section("warnings_and_cautions")
        let inCautions = { (text: String) in Snippet.only(("注意事项", text)) }
        return [
            parse(f, "bulletMark", set("bulletMark", "◆"), inCautions("* 第一条注意\n\n* 第二条注意"), cautions,
                  "• 第一条注意\n• 第二条注意", "◆ 第一条注意\n◆ 第二条注意"),
            parse(f, "bulletCodePoints", remove("bulletCodePoints", "25CF"), inCautions("● 第一条注意\n\n● 第二条注意"), cautions,
                  "• 第一条注意\n• 第二条注意", "● 第一条注意\n● 第二条注意"),
            parse(f, "bulletLeaders", remove("bulletLeaders", "・"), inCautions("・ 第一条注意\n\n・ 第二条注意"), cautions,
                  "• 第一条注意\n• 第二条注意", "・ 第一条注意\n・ 第二条注意"),
            parse(f, "privateUseRange", set("privateUseRange", ["F000", "F8FF"]), inCautions("前\u{E001}后"), cautions, "前后", "前\u{E001}后"),
            parse(f, "pageFooterPatterns", remove("pageFooterPatterns", #"^第\s*\d+\s*页$"#), inCautions("第一条注意。\n第 3 页\n第二条注意。"),
                  has("normalize.pageFooter"), "normalize.pageFooter", "-"),
            parse(f, "sentenceEnd", set("sentenceEnd", "。！？!?;"), inCautions(Snippet.wrapped),
                  { $0.section("warnings_and_cautions")?.text.components(separatedBy: "\n").first ?? "-" },
                  "本品用于测试目的的说明文字这一行写满了宽度；", "本品用于测试目的的说明文字这一行写满了宽度；第二行继续写满宽度的说明文字内容到这里为止了。"),
            // `参考` before a bracket on the line above: a cross-reference, not a heading.
            parse(f, "referenceLeads", remove("referenceLeads", "参考"),
                  Snippet.only(("注意事项", "其他情况参考\n【禁忌】\n项下内容。"), ("适应症", "用于测试。"), ("用法用量", "口服。")),
                  { $0.sections.compactMap(\.key).joined(separator: " ") },
                  "warnings_and_cautions indications_and_usage dosage_and_administration",
                  "warnings_and_cautions contraindications indications_and_usage dosage_and_administration"),
            parse(f, "runningFurniture.maxWidth", set("runningFurniture.maxWidth", 4), Snippet.pages, has("normalize.runningHeader"), "normalize.runningHeader", "-"),
            parse(f, "runningFurniture.minPages", set("runningFurniture.minPages", 9), Snippet.pages, has("normalize.runningHeader"), "normalize.runningHeader", "-"),
            parse(f, "runningFurniture.window", set("runningFurniture.window", 0), Snippet.pages, has("normalize.runningHeader"), "normalize.runningHeader", "-"),
            parse(f, "abbreviationLeadWords", remove("abbreviationLeadWords", "出现"), Snippet.only(("不良反应", "患者可能出现细胞因子释放综合征（CRS）。")),
                  { $0.abbreviations.map { "\($0.short)=\($0.long)" }.joined() }, "CRS=细胞因子释放综合征", "CRS=患者可能出现细胞因子释放综合征"),
            parse(f, "html.blockTags", remove("html.blockTags", "p"), inCautions("<p>第一条注意。</p><p>第二条注意。</p>"), cautions,
                  "第一条注意。\n第二条注意。", "<p>第一条注意。</p><p>第二条注意。</p>"),
            parse(f, "html.cellTags", remove("html.cellTags", "td"), inCautions("<tr><td>甲</td><td>乙</td></tr>"), cautions, "甲 | 乙", "<td>甲</td><td>乙</td>"),
            parse(f, "html.inlineTags", remove("html.inlineTags", "span"), inCautions("<span>第一条</span>注意。"), cautions,
                  "第一条注意。", "<span>第一条</span>注意。"),
            // Slide cells are markup too, read with the same rules.
            parse(f, "html.inlineTags", remove("html.inlineTags", "b"), Snippet.slides, field("说明书适应症"), "用于测试。", "用于<b>测试</b>。"),
            parse(f, "html.superscriptTag", set("html.superscriptTag", "sup2"), inCautions("每毫升含10<sup>6</sup>个细胞。"), cautions,
                  "每毫升含10⁶个细胞。", "每毫升含10<sup>6</sup>个细胞。"),
            parse(f, "html.entities", set("html.entities.middot", nil), inCautions("甲&middot;乙"), cautions, "甲·乙", "甲&middot;乙"),
        ]
    }()
}

// MARK: - sections.json

extension RuleKeysTests {
    static let sectionCases: [KeyCase] = {
        let f = "sections.json"
        let warning = Snippet.label(pre: ["测试片说明书", "警告", "• 本品可能引起严重不良反应。"])
        let chemical = try! JSONSerialization.jsonObject(with: Data(PackageResources.sections_json)) as! [String: Any]
        let order = ((chemical["orders"] as! [String: Any])["chemical"] as! [String]).filter { $0 != "composition" } + ["composition"]
        return [
            parse(f, "sections[].key", set("sections.key=indications_and_usage.key", "indications"), Snippet.label(),
                  { $0.sections.first { $0.heading == "适应症" }?.key ?? "-" }, "indications_and_usage", "indications"),
            parse(f, "sections[].headings", remove("sections.key=indications_and_usage.headings", "适应症"), Snippet.label(),
                  { $0.sections.first { $0.heading == "适应症" }?.key ?? "-" }, "indications_and_usage", "-"),
            parse(f, "sections[].labels", remove("sections.key=names.labels.englishName", "英文名称"), Snippet.label(),
                  { $0.metadata.englishName ?? "-" }, "Ceshi Tablets", "-"),
            // An application quotes 【适应症】 as the field 说明书适应症.
            parse(f, "sections[].quotedAs", remove("sections.key=indications_and_usage.quotedAs", "说明书适应症"), Snippet.application,
                  { $0.sections.compactMap(\.key).joined(separator: " ") }, "indications_and_usage", ""),
            unhonoured(f, "sections[].mandatory", set("sections.key=composition.mandatory", false), Snippet.label(drop: ["成份"]),
                       fix: "nothing reads it; validate takes mandatory sections from validation-*.json `mandatory` (and the catalogue's alwaysMandatory), which disagree with it (manufacturer; the chemical profile's pharmacology sections): drop the key from sections.json and Headings/SectionCatalogue.swift, or have Validation/SectionChecks read it"),
            unhonoured(f, "sections[].openFDA", set("sections.key=brand_name.openFDA", "openfda.generic_name"), Snippet.label(),
                       fix: "decoded by Headings/SectionCatalogue.swift and read by nothing: the export (LabelStore/ExportedDocument.swift) names sections by their catalogue key; use it there or make it documentation"),
            unhonoured(f, "sections[].loinc", set("sections.key=indications_and_usage.loinc", "00000-0"), Snippet.label(),
                       fix: "decoded by Headings/SectionCatalogue.swift and read by nothing: a reference for readers of the file; make it documentation or use it in the export"),
            parse(f, "boxedWarning.key", set("boxedWarning.key", "warning_box"),
                  Snippet.only(("警告", "本品可能引起严重不良反应。"), ("适应症", "用于测试。"), ("用法用量", "口服。"), ("禁忌", "尚不明确。")),
                  { $0.sections.first?.key ?? "-" }, "boxed_warning", "warning_box"),
            parse(f, "boxedWarning.titles", remove("boxedWarning.titles", "警告"), warning, { $0.boxedWarning?.items.joined() ?? "-" },
                  "本品可能引起严重不良反应。", "-"),
            unhonoured(f, "boxedWarning.openFDA", set("boxedWarning.openFDA", "warnings"), warning,
                       fix: "not even decoded (Headings/SectionCatalogue.swift BoxedWarningEntry): a reference for readers of the file"),
            unhonoured(f, "boxedWarning.loinc", set("boxedWarning.loinc", "00000-0"), warning,
                       fix: "not even decoded (Headings/SectionCatalogue.swift BoxedWarningEntry): a reference for readers of the file"),
            validate(f, "orders", set("orders.chemical", order), Snippet.label(), profile: "chemical", findings("section.order"),
                     "", "warning 【成份】 is out of the prescribed order"),
            // Mandatory for every kind of label, even one whose profile forgets it.
            validate(f, "alwaysMandatory", remove("alwaysMandatory", "contraindications"), Snippet.label(drop: ["禁忌"]), profile: "otc",
                     base: ["validation-otc.json": set("mandatory.key=contraindications", nil)],
                     { r in r.findings.contains { $0.rule == "section.missing" && $0.message.hasPrefix("【禁忌】") } ? "【禁忌】 missing" : "-" },
                     "【禁忌】 missing", "-"),
        ]
    }()
}

// MARK: - form-fields.json

extension RuleKeysTests {
    static let formCases: [KeyCase] = {
        let f = "form-fields.json"
        let patents: @Sendable (Label) -> String = { $0.patents.map { "\($0.type) \($0.expires ?? "-")" }.joined() }
        let trials: @Sendable (Label) -> String = { $0.trials.map { "\($0.type) \($0.comparator ?? "-") \($0.stage ?? "-")" }.joined() }
        let abstract: @Sendable (Label) -> String = { label in
            label.diagnostics.first { $0.code == "classify.article" }.map { $0.message.hasSuffix(", an abstract") ? "abstract" : "article" } ?? "-"
        }
        return [
            parse(f, "fields[].name", set("fields.name=企业名称.name", "企业全称"), Snippet.application, field("药品通用名称"),
                  "测试片", "测试片企业名称：测试制药有限公司"),
            parse(f, "fields[].numbered", set("fields.name=核心专利类型.numbered", false), Snippet.application, patents, "发明专利 2030-01-01", ""),
            parse(f, "fields[].footnoteFirstItem", set("fields.name=药品申报条件.footnoteFirstItem", nil), Snippet.application, field("药品申报条件"),
                  "1.2019年1月1日至2023年6月30日期间获批的药品。\n2.其他条件。", ""),
            parse(f, "fields[].table", set("fields.name=参照药品名称.table", false), Snippet.application, field("参照药品名称"), "对照片", "-"),
            parse(f, "formHeadings", remove("formHeadings", "^申报信息$"), Snippet.application, field("企业名称"), "测试制药有限公司", "测试制药有限公司申报信息"),
            parse(f, "attachmentLabels", remove("attachmentLabels", "下载文件"), Snippet.application, field("企业承诺书"), "承诺书.pdf", "下载文件 承诺书.pdf"),
            parse(f, "patent.type", set("patent.type", "核心专利种类"), Snippet.application, patents, "发明专利 2030-01-01", ""),
            parse(f, "patent.expires", set("patent.expires", "专利到期日"), Snippet.application, patents, "发明专利 2030-01-01", "发明专利 -"),
            parse(f, "trial.type", set("trial.type", "试验种类"), Snippet.application, trials, "随机对照试验 安慰剂 上市前", ""),
            parse(f, "trial.comparator", set("trial.comparator", "对照"), Snippet.application, trials, "随机对照试验 安慰剂 上市前", "随机对照试验 - 上市前"),
            parse(f, "trial.stage", set("trial.stage", "阶段"), Snippet.application, trials, "随机对照试验 安慰剂 上市前", "随机对照试验 安慰剂 -"),
            parse(f, "classifier.minimumLabelSections", set("classifier.minimumLabelSections", 30), Snippet.label(), classified, "label", "label excerpt"),
            parse(f, "classifier.extraSectionsForBareLines", set("classifier.extraSectionsForBareLines", 1), Snippet.bare, { $0.kind.rawValue }, "unknown", "label"),
            parse(f, "classifier.minimumSlideHeadings", set("classifier.minimumSlideHeadings", 10), Snippet.slides, { $0.kind.rawValue }, "slides", "unknown"),
            parse(f, "classifier.minimumSlideFieldRows", set("classifier.minimumSlideFieldRows", 10), Snippet.slides, { $0.kind.rawValue }, "slides", "unknown"),
            parse(f, "classifier.minimumFieldLines", set("classifier.minimumFieldLines", 50), Snippet.application, { $0.kind.rawValue }, "application", "article"),
            parse(f, "classifier.applicationWords", remove("classifier.applicationWords", "申报"), Snippet.application, { $0.kind.rawValue }, "application", "article"),
            parse(f, "classifier.minimumArticleLines", set("classifier.minimumArticleLines", 100), Snippet.article, { $0.kind.rawValue }, "article", "unknown"),
            parse(f, "classifier.abstractWords", remove("classifier.abstractWords", "摘要"), Snippet.article, abstract, "abstract", "article"),
            parse(f, "classifier.abstractWithinLines", set("classifier.abstractWithinLines", 0), Snippet.article, abstract, "abstract", "article"),
        ]
    }()
}

// MARK: - tables.json

extension RuleKeysTests {
    static let tableCases: [KeyCase] = {
        let f = "tables.json"
        let adverse = Snippet.inAdverseReactions(Snippet.adverseTable())
        let ids: @Sendable (Label) -> String = { $0.tables.map(\.id).joined() }
        let flagged = { (flag: Table.Cell.Flag) -> @Sendable (Label) -> String in
            table { t in String(t.rows.flatMap(\.cells).filter { $0.flags?.contains(flag) == true }.count) }
        }
        let row = { (label: String, observe: @escaping @Sendable (Table.Row) -> String) -> @Sendable (Label) -> String in
            table { t in t.rows.first { $0.label.hasPrefix(label) }.map(observe) ?? "-" }
        }
        let graded = Snippet.label(extra: [("临床试验", Snippet.adverseTable(extraRows: "呕吐  2  5  1  1\n"))])
        return [
            parse(f, "captionPattern", set("captionPattern", #"^附表\s*([0-9]+)\s*(.+)$"#), adverse, ids, "表 1", ""),
            parse(f, "captionRejectEndings", set("captionRejectEndings", ""),
                  Snippet.inAdverseReactions(Snippet.adverseTable(caption: "表1 不良反应发生率如下，")), ids, "", "表 1"),
            parse(f, "footnoteDefinitionPattern", set("footnoteDefinitionPattern", #"^(?:([a-z])\s*[)）]|(#{1,3}))\s*(\S.*)$"#), adverse,
                  table { $0.footnotes.map { "\($0.mark) \($0.text)" }.joined() }, "a 头痛包括偏头痛。", ""),
            parse(f, "noteLeads", remove("noteLeads", "注：", "注:"), adverse, table { $0.notes.joined() }, "注：数据来源于测试研究。", ""),
            parse(f, "missingValues", remove("missingValues", "-"), adverse, table { $0.rows.map(\.label).joined(separator: " ") }, "头痛 恶心 乏力", "头痛 乏力"),
            parse(f, "notEstimable", remove("notEstimable", "NE"), adverse, flagged(.notEstimable), "1", "0"),
            parse(f, "notAvailable", remove("notAvailable", "NA"), adverse, flagged(.notAvailable), "1", "0"),
            parse(f, "units", remove("units", "%"), adverse, row("恶心") { "\($0.label) \($0.unit ?? "-")" }, "恶心 %", "恶心（%） -"),
            parse(f, "statistics", remove("statistics", "中位值"), Snippet.efficacyTable, row("缓解持续时间") { $0.statistic ?? "-" }, "中位值（范围）", "范围"),
            parse(f, "rangeStatistics", remove("rangeStatistics", "范围"), Snippet.efficacyTable,
                  row("缓解持续时间") { $0.cells.first.map { $0.range != nil ? "range" : $0.ci != nil ? "ci" : "-" } ?? "-" }, "range", "ci"),
            parse(f, "gradeRowPattern", set("gradeRowPattern", #"^([0-9])\s*度$"#), Snippet.proseTable, table { "\($0.kind) \($0.rows.count)" }, "prose 2", "numeric 0"),
            parse(f, "gradeRowEndings", set("gradeRowEndings", ["度"]), Snippet.proseTable, table { "\($0.kind) \($0.rows.count)" }, "prose 2", "numeric 0"),
            parse(f, "armPattern", set("armPattern", #"[（(]\s*[Mm]\s*=\s*([0-9]+)\s*[）)]"#), adverse,
                  table { $0.arms.map { $0.n.map(String.init) ?? "-" }.joined(separator: " ") }, "100 50", ""),
            validate(f, "allGradeHeaders", remove("allGradeHeaders", "所有等级"), graded, count("numbers.grade3AboveAll"), "1", "0"),
            validate(f, "severeGradeHeaders", remove("severeGradeHeaders", "≥3级"), graded, count("numbers.grade3AboveAll"), "1", "0"),
        ]
    }()
}

// MARK: - dosing.json

extension RuleKeysTests {
    static let dosingCases: [KeyCase] = {
        let f = "dosing.json"
        let d = { (key: String, edits: [RuleEdit], text: String, observe: @escaping @Sendable (Label) -> String, before: String, after: String) in
            parse(f, key, edits, Snippet.dosing(text), observe, before, after)
        }
        let drug = doses { $0.drug }, route = doses { $0.route }, per = doses { $0.per }, population = doses { $0.population }
        let qualifier = doses { $0.qualifier }, kind = doses { $0.kind }
        return [
            d("units[].written", remove("units.code=mg.written", "毫克"), "口服，一次10毫克，一日2次。", amounts, "10mg", ""),
            d("units[].code", set("units.code=mg.code", "milligram"), "口服，一次10mg，一日2次。", doses { $0.unit }, "mg", "milligram"),
            d("units[].kind", set("units.code=mg.kind", "other"), "口服，一次10mg，一日2次。", amounts, "10mg", ""),
            d("units[].factor", set("units.code=IU.factor", 1000), "肌内注射，一次10万单位，一日1次。", amounts, "100000IU", "10000IU"),
            d("cellUnitPattern", set("cellUnitPattern", "(?!)"), "静脉输注，目标剂量为2×10^6个CAR-T细胞/kg。", amounts, "2000000cells", ""),
            d("minimumCells", set("minimumCells", 1e12), "静脉输注，目标剂量为2×10^6个CAR-T细胞/kg。", amounts, "2000000cells", ""),
            d("per[].written", remove("per.code=kg.written", "/kg", "/ kg"), "静脉滴注，一次10mg/kg，一日1次。", per, "kg", "dose"),
            d("per[].code", set("per.code=kg.code", "kilogram"), "静脉滴注，一次10mg/kg，一日1次。", per, "kg", "kilogram"),
            d("concentrationPers", remove("concentrationPers", "/mL"), "静脉滴注，一次10mg/mL，一日1次。", amounts, "", "10mg"),
            d("rangeMarks", remove("rangeMarks", "～"), "口服，一次10～20mg，一日2次。", amounts, "10-20mg", "20mg"),
            d("routes", remove("routes", "静脉滴注"), "静脉滴注，一次10mg，一日1次。", route, "静脉滴注", "静脉"),
            d("frequencyPatterns", set("frequencyPatterns", ["(?!)"]), "口服，一次10mg，一日2次。", doses { $0.frequency }, "一日2次", "-"),
            d("schedulePatterns", set("schedulePatterns", ["(?!)"]), "第1天静脉滴注10mg。", doses { $0.schedule }, "第1天", "-"),
            d("durationPatterns", set("durationPatterns", ["(?!)"]), "口服，一次10mg，一日2次，连续7天。", doses { $0.duration }, "连续7天", "-"),
            d("productWords", set("productWords", []), "本品一次10mg，一日2次。", drug, "测试片", "本品"),
            d("doseNouns", set("doseNouns", []), "口服，甲药最高为10mg。", drug, "甲药", "测试片"),
            d("drugBoundaries", set("drugBoundaries", []), "口服，一次10mg，联合甲药20mg。", drug, "测试片|甲药", "测试片|联合甲药"),
            d("comparisons", remove("comparisons", "大于"), "口服，一日剂量大于40mg。", amounts, "", "40mg"),
            d("reportNouns", set("reportNouns", []), "中位剂量为10mg。", amounts, "", "10mg"),
            d("sharedConnectors", set("sharedConnectors", []), "静脉滴注，每日3mg/kg、60mg/m2，一日1次。", doses { $0.perTime }, "day|day", "day|-"),
            d("belowZero", set("belowZero", []), "零下20℃保存的本品，复温后一次10mg。",
              { $0.quantities.filter { $0.kind == "temperature" }.map { String(Int($0.value ?? 0)) }.joined() }, "-20", "20"),
            d("chineseAmountUnits", remove("chineseAmountUnits", "片"), "口服，一次两片，一日2次。", amounts, "2tablet", ""),
            d("populations", remove("populations", "哺乳期妇女"), "哺乳期妇女一次10mg，一日2次。", population, "哺乳期妇女", "-"),
            d("routeNames", set("routeNames.冲服", nil), "冲服，一次10g，一日2次。", route, "口服", "冲服"),
            d("routeWithin", set("routeWithin", []), "用法：口服。\n预防深静脉血栓：每天100mg。", route, "口服", "静脉"),
            d("routeNegations", set("routeNegations", []), "不可静脉注射，应肌内注射。一次2mg，一日1次。", route, "肌内注射", "-"),
            d("dividedFrequencyPatterns", set("dividedFrequencyPatterns", []), "口服，一般150～400mg，分次口服。", per, "day", "-"),
            d("openingRouteLeads", set("openingRouteLeads", []), "用法：口服，一次10mg，一日1次。\n一次20mg，一日1次。", route, "口服|口服", "口服|-"),
            d("instructionWords", set("instructionWords", []), "口服。每日剂量减半的患者：一次5mg，一日1次。", population, "-", "每日剂量减半的患者"),
            d("ageBandTrailers", set("ageBandTrailers", []), "口服。1～3岁用2mg，一日2次。", population, "1～3岁", "-"),
            parse(f, "doseMentions", set("doseMentions", []), Snippet.dosing("本品的推荐剂量为10mg。", in: "药理毒理"), amounts, "10mg", ""),
            KeyCase(file: f, key: "routeOnlyLeads", edits: set("routeOnlyLeads", []), input: Snippet.dosing("用法：口服。\n一次10mg，一日2次。"),
                    observe: { o in o.label.doses.map { "\($0.route ?? "-") \($0.population ?? "-")" }.joined() }, before: "", after: "",
                    knownIssue: "a sentence that is only leads and a route (`本品口服。`) is read as the route by DoseReader.routeOnly, and without the leads by soleRoute just the same: the list decides nothing. Quantities/DoseReader.swift: drop routeOnly and the key, or give it what soleRoute does not do"),
            d("qualifiers.maximum", remove("qualifiers.maximum", "最大日剂量"), "一次10mg，一日2次，最大日剂量40mg。", doses { $0.maximum?.text }, "最大日剂量40mg", "-|-"),
            d("qualifiers.initial", set("qualifiers.initial", []), "口服，起始剂量10mg，一日1次。", qualifier, "initial", "-"),
            d("qualifiers.maintenance", set("qualifiers.maintenance", []), "口服，维持剂量10mg，一日1次。", qualifier, "maintenance", "-"),
            d("steps.increment", remove("steps.increment", "增加"), "口服，一次10mg，每周增加5mg。", kind, "-|increment", "-|-"),
            d("steps.decrement", remove("steps.decrement", "减少"), "口服，一次10mg，每周减少5mg。", kind, "-|decrement", "-|-"),
            d("steps.course_total", remove("steps.course_total", "一疗程"), "口服，一疗程100mg。", kind, "course_total", "-"),
            d("steps.total", remove("steps.total", "总剂量"), "口服，总剂量100mg。", kind, "total", "-"),
            d("stepTargets", set("stepTargets", []), "口服，一次10mg，可增加至20mg。", kind, "-|-", "-|increment"),
            d("perWords.day", remove("perWords.day", "一日"), "口服，一日20mg。", per, "day", "-"),
            d("perWords.dose", remove("perWords.dose", "每次"), "口服，每次10mg。", per, "dose", "-"),
            d("perBefore.kg", remove("perBefore.kg", "每千克体重", "每千克"), "静脉滴注，每日每千克体重10mg。", per, "kg", "day"),
            d("perBefore.m2", remove("perBefore.m2", "每平方米体表面积", "每平方米"), "静脉滴注，每日每平方米体表面积10mg。", per, "m2", "day"),
            d("populationHeads", set("populationHeads", []), "心功能不全患者：一次5mg，一日1次。", population, "心功能不全患者", "-"),
            d("populationLeadsDropped", set("populationLeadsDropped", []), "对于成人，一次10mg，一日2次。", population, "成人", "对于成人"),
            d("indicationLeads", set("indicationLeads", []), "用于慢性肾炎患者：一次10mg，一日2次。", population, "-", "用于慢性肾炎患者"),
            d("ageBandPattern", set("ageBandPattern", "(?!)"), "12岁以上儿童一次10mg，一日2次。", population, "12岁以上儿童", "儿童"),
            d("productAmountLeads", set("productAmountLeads", []), "每片含测试素10mg。一次1片。", amounts, "1tablet", "10mg|1tablet"),
            d("packMarks", set("packMarks", []), "口服，一次10mg*12片。", amounts, "12tablet", "10mg|12tablet"),
            d("animalWords", set("animalWords", []), "小鼠一次10mg/kg。", amounts, "", "10mg"),
            d("diluentWords", set("diluentWords", []), "静脉滴注，一次10mg，100mL生理盐水。", amounts, "10mg", "10mg|100mL"),
            d("diluentVerbs", set("diluentVerbs", []), "静脉滴注，一次10mg，溶于100mL。", amounts, "10mg", "10mg|100mL"),
            d("skinTestWords", set("skinTestWords", []), "用药前皮试，一次10mg。", amounts, "", "10mg"),
            d("studyWords", set("studyWords", []), "临床试验中一次10mg，一日2次。", amounts, "", "10mg"),
            d("conditionAfter", set("conditionAfter", []), "口服，一次10mg时注意观察。", amounts, "", "10mg"),
            d("doseSections", remove("doseSections", "dosage_and_administration"), "口服，一次10mg，一日2次。", amounts, "10mg", ""),
            parse(f, "cueSections", set("cueSections", []), Snippet.dosing("本品含测试素10mg。", in: "注意事项"), amounts, "", "10mg"),
            d("notDrugWords", set("notDrugWords", []), "口服，一般10mg，一日1次。", drug, "测试片", "一般"),
            d("indicationSuffixes", set("indicationSuffixes", []), "高血压一次10mg，一日1次。", drug, "测试片", "高血压"),
            d("nameEndings", set("nameEndings", []), "视病情介于10mg，一日1次。", drug, "测试片", "视病情介于"),
            d("negations", set("negations", []), "不推荐使用100mg，一次10mg。", amounts, "10mg", "100mg|10mg"),
            d("initialAfter", set("initialAfter", []), "口服，从2.5mg开始，一日1次。", qualifier, "initial", "-"),
            d("maintenanceAfter", set("maintenanceAfter", []), "口服，一次10mg，一日1次，作为维持治疗。", qualifier, "maintenance", "-"),
            d("conditionHeads", set("conditionHeads", []), "用至80mg仍无效的患者，应停药。", amounts, "", "80mg"),
            KeyCase(file: f, key: "quantityKinds", edits: set("quantityKinds", ["rate"]), input: Snippet.dosing("零下20℃保存，连续7天。", in: "贮藏"),
                    observe: { $0.label.quantities.map(\.kind).joined(separator: " ") }, before: "", after: "",
                    knownIssue: "not decoded: Quantities/DosingRules.swift has no quantityKinds and DoseExtractor.quantityKind keeps temperature, rate, duration and percentage by a switch in code; decode the list and keep only its kinds"),
        ]
    }()
}

// MARK: - validation-common.json and the profiles

extension RuleKeysTests {
    static let validationCases: [KeyCase] = {
        let f = "validation-common.json"
        let counted = Snippet.label(extra: [("临床试验", "有效率为45%（40/100）。")])
        return [
            validate(f, "notYetKnownTexts", remove("notYetKnownTexts", "尚不明确。"), Snippet.label(), count("section.notYetKnown"), "3", "0"),
            validate(f, "holderRequiredFrom", set("holderRequiredFrom", "2030-01-01"), Snippet.label(drop: ["上市许可持有人"]),
                     count("holder.missing"), "1", "0"),
            validate(f, "holderLaw", set("holderLaw", "第四十九条"), Snippet.label(drop: ["上市许可持有人"]), findings("holder.missing"),
                     "error no 上市许可持有人 on a label dated 2021-02-03: 《药品管理法》(2019) 第四十九条: 说明书应当注明药品上市许可持有人和生产企业",
                     "error no 上市许可持有人 on a label dated 2021-02-03: 第四十九条"),
            validate(f, "percentWithCountsPattern", set("percentWithCountsPattern", #"(?!)(\d)(\d)(\d)"#), counted, findings("numbers.countMismatch"),
                     "error “有效率为45%（40/100）”: 40/100 is 40%, not 45%", ""),
            validate(f, "percentTolerance", set("percentTolerance", 10.0), counted, count("numbers.countMismatch"), "1", "0"),
            validate(f, "unitGroups", set("unitGroups", [["mg"], ["g"]]),
                     Snippet.label(sections: [("规格", "0.5g"), ("用法用量", "口服，一次500mg，一日2次。")]), findings("dose.unitMismatch"),
                     "", "warning “一次500mg” doses in mg, and 【规格】 gives the strength only in g"),
        ]
    }()

    /// The same keys in each profile, each changed in its own file.
    static let profileCases: [KeyCase] = profileFiles.flatMap { f -> [KeyCase] in
        let profile = RuleJSON.object(f)
        let id = profile["id"] as! String, name = profile["name"] as! String
        // Evidence of `id` only when the key is changed; the default profile (chemical) wins
        // only against another's evidence as strong (it is listed first).
        let rival = id == "chemical" ? "tcm" : "chemical"
        let evidenceLabel = Snippet.label(replacing: id == "chemical" ? ["适应症": "功能主治"] : [:])
        let inferred: @Sendable (ValidationReport) -> String = { $0.profile }
        let unknowns: @Sendable (ValidationReport) -> String = { r in
            r.findings.filter { $0.rule == "section.notYetKnown" }.map { String($0.message.prefix { $0 != "】" }) + "】" }.joined()
        }
        let severity: @Sendable (ValidationReport) -> String = { r in r.findings.first { $0.rule == "section.notYetKnown" }?.severity.rawValue ?? "-" }
        var cases = [
            KeyCase(file: f, key: "id", edits: set("id", "renamed"), input: Snippet.label(), probe: .validate(id),
                    observe: { o in o.report?.profile ?? (o.failure?.hasPrefix("no validation profile \(id) ") == true ? "no profile \(id)" : "-") },
                    before: id, after: "no profile \(id)"),
            validate(f, "name", set("name", "测试规范"), Snippet.label(drop: ["成份"]), profile: id,
                     { r in r.findings.first { $0.rule == "section.missing" && $0.message.hasPrefix("【成份】") }?.message ?? "-" },
                     "【成份】 is missing; the \(name) rules make it mandatory", "【成份】 is missing; the 测试规范 rules make it mandatory"),
            // The order named must be one of the catalogue's: here one that reverses the chemical order.
            validate(f, "order", set("order", "reversed"), Snippet.label(), profile: id,
                     base: ["sections.json": set("orders.reversed", Array(SectionCatalogue.standard.orders["chemical"]!.reversed()))],
                     { r in r.findings.contains { $0.rule == "section.order" } ? "out of order" : "in order" }, "in order", "out of order"),
            validate(f, "evidence.headings", set("evidence.headings", ["names:药品名称"]), evidenceLabel, inferred, rival, id),
            validate(f, "evidence.approvalLetters", set("evidence.approvalLetters", ["H"]), evidenceLabel, inferred, rival, id),
            validate(f, "evidence.titleWords", set("evidence.titleWords", ["测试", "说明书"]), evidenceLabel, inferred, rival, id),
            validate(f, "mandatory[].key", set("mandatory.key=composition", nil), Snippet.label(drop: ["成份"]), profile: id,
                     { r in r.findings.contains { $0.rule == "section.missing" && $0.message.hasPrefix("【成份】") } ? "【成份】 missing" : "-" },
                     "【成份】 missing", "-"),
            validate(f, "notYetKnown.sections", remove("notYetKnown.sections", "adverse_reactions"), Snippet.label(), profile: id, unknowns,
                     "【不良反应】【禁忌】【注意事项】", "【禁忌】【注意事项】"),
            validate(f, "notYetKnown.severity", set("notYetKnown.severity", "error"), Snippet.label(), profile: id, severity, "warning", "error"),
            validate(f, "notYetKnown.errorOnOrAfter", set("notYetKnown.errorOnOrAfter", "2000-01-01"), Snippet.label(), profile: id, severity, "warning", "error"),
            validate(f, "notYetKnown.why", set("notYetKnown.why", "测试理由"), Snippet.label(), profile: id,
                     { r in r.findings.first { $0.rule == "section.notYetKnown" }.map { $0.message.contains("”: 测试理由") ? "edited" : "bundled" } ?? "-" },
                     "bundled", "edited"),
        ]
        if id == "chemical" {
            // 【临床药理】 stands in for 【药代动力学】 in newer biologic labels.
            let standIn = Snippet.label(extra: [("临床药理", "测试素的药理作用。")])
            let pharmacokinetics: @Sendable (ValidationReport) -> String = { r in
                r.findings.first { $0.message.contains("【药代动力学】") }.map { "\($0.rule) \($0.message)" } ?? "-"
            }
            cases += [
                validate(f, "mandatory[].orAnyOf", set("mandatory.key=pharmacokinetics.orAnyOf", nil), standIn, profile: id,
                         { r in r.findings.first { $0.message.contains("【药代动力学】") }?.rule ?? "-" }, "section.standIn", "section.missing"),
                validate(f, "mandatory[].note", set("mandatory.key=pharmacokinetics.note", "测试说明"), standIn, profile: id, pharmacokinetics,
                         "section.standIn no 【药代动力学】; 【临床药理】 stands in for it (newer biologic labels give pharmacokinetics under 【临床药理】)",
                         "section.standIn no 【药代动力学】; 【临床药理】 stands in for it (测试说明)"),
            ]
        }
        return cases
    }
}

// MARK: - crosscheck.json

extension RuleKeysTests {
    static let crossCheckCases: [KeyCase] = {
        let f = "crosscheck.json"
        let compared = { (what: String) -> @Sendable (RuleOutcome) -> String in
            { o in o.cross?.comparisons.first { $0.what == what }.map { "\($0.verdict.rawValue) \($0.note ?? "-")" } ?? "-" }
        }
        let check = { (key: String, edits: [RuleEdit], document: String, observe: @escaping @Sendable (RuleOutcome) -> String, before: String, after: String) in
            KeyCase(file: f, key: key, edits: edits, input: document, probe: .crosscheck(Snippet.label()), observe: observe, before: before, after: after)
        }
        return [
            check("summaryMarkers", remove("summaryMarkers", "概述"), Snippet.slides, compared("dosage_and_administration"),
                  "notCompared a summary written for this document, not the label's text", "-"),
            check("firstApprovalFields", remove("firstApprovalFields", "中国大陆首次上市时间"), Snippet.slides, compared("firstApproval"), "equal -", "-"),
            // A quote without the label's full stop: equal after normalization, the difference quoted.
            check("examples", set("examples", 0), "# 测试片\n# 基本信息\n# 安全性\n药品通用名称\t测试片\n说明书适应症\t用于测试\n",
                  compared("indications_and_usage"), "equalAfterNormalization “” here, “。” in the label", "equalAfterNormalization ; 1 more alike"),
        ]
    }()
}
