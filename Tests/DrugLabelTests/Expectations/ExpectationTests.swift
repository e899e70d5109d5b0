import DrugLabel
import Foundation
import TestSupport
import Testing

/// Every hand-read fact the stages built so far own, checked against the parse of its document.
/// A fact key this suite does not know fails the test, so no fact is skipped silently.
@Suite("Hand-read expectations")
struct ExpectationTests {
    /// Facts that later stages own (tables, doses, …) and keys that only explain.
    static let laterStages: Set<String> = ["crosscheckAgainst000"]

    @Test("facts of each corpus document", arguments: TestSupport.expectationNames)
    func facts(_ name: String) throws {
        let facts = try TestSupport.expectation(name)
        let label = try TestSupport.parse(name)
        let fold = try Fold()
        for (key, value) in facts.sorted(by: { $0.key < $1.key }) {
            if key.hasSuffix("Note") || key == "note" || Self.laterStages.contains(key) { continue }
            switch key {
            case "kind":
                #expect(label.kind.rawValue == value as? String)
            case "title":
                #expect(label.title.map { fold($0) } == (value as? String).map { fold($0) })
            case "sections":
                let expected = (value as! [[Any]]).map { "\($0[0]) \(fold($0[1] as! String)) \($0[2])" }
                let actual = label.kind == .label
                    ? label.sections.map { "\($0.key ?? "null") \(fold($0.heading)) \($0.span.startLine)" } : []
                #expect(actual == expected)
            case "sectionText":
                for (sectionKey, text) in value as! [String: String] {
                    #expect(label.section(sectionKey).map { fold($0.text) } == fold(text), "section \(sectionKey)")
                }
            case "metadata":
                try checkMetadata(value as! [String: Any], label.metadata, fold)
            case "boxedWarning":
                let w = value as! [String: Any]
                let warning = try #require(label.boxedWarning)
                #expect(fold(warning.title) == fold(w["title"] as! String))
                #expect(warning.items.count == w["itemCount"] as? Int)
                #expect(fold(warning.items.first ?? "").hasPrefix(fold(w["firstItemStartsWith"] as! String)))
                #expect(fold(warning.items.last ?? "").hasSuffix(fold(w["lastItemEndsWith"] as! String)))
            case "indications":
                let items = (value as! [String: Any])["numberedItems"] as! Int
                #expect(label.section("indications_and_usage")?.items.count == items)
            case "fields":
                for (fieldName, fieldValue) in value as! [String: String] {
                    let matches = label.fields.filter { fold($0.name) == fold(fieldName) }
                    #expect(!matches.isEmpty, "field \(fieldName) missing")
                    #expect(matches.contains { fold($0.value) == fold(fieldValue) },
                            "field \(fieldName): \(matches.map(\.value)) ≠ \(fieldValue)")
                }
            case "patents":
                let expected = (value as! [[String: String]]).map { [$0["type"]!, $0["expires"]!] }
                #expect(label.patents.map { [$0.type, $0.expires ?? ""] } == expected)
            case "trials":
                let expected = (value as! [[String: String]]).map { [$0["type"]!, $0["comparator"]!, $0["stage"]!] }
                #expect(label.trials.map { [$0.type, $0.comparator ?? "", $0.stage ?? ""] } == expected)
            case "labelSectionsQuoted":
                for (sectionKey, fieldName) in value as! [String: String] {
                    #expect(label.section(sectionKey).map { fold($0.heading) } == fold(fieldName), "quoted \(sectionKey)")
                }
            case "dosageTextMustContain", "dosageTextMustNotContain":
                let text = fold(try #require(label.section("dosage_and_administration")).text)
                for phrase in value as! [String] {
                    #expect(text.contains(fold(phrase)) == (key == "dosageTextMustContain"), "\(key): \(phrase)")
                }
            case "normalizedTextMustContain":
                let all = fold(allText(label))
                for phrase in value as! [String] { #expect(all.contains(fold(phrase)), "missing: \(phrase)") }
            case "doses":
                DoseExpectations.checkDoses(value as! [[String: Any]], label, fold, name: name)
            case "quantities":
                DoseExpectations.checkQuantities(value as! [[String: Any]], label, fold, name: name)
            case "abbreviations":
                // At least one definition of each short form has exactly this long form.
                for (short, long) in value as! [String: String] {
                    let longs = label.abbreviations.filter { $0.short == short }.map { fold($0.long) }
                    #expect(longs.contains(fold(long)), "\(name): \(short) → \(long) not among \(longs)")
                }
            case "tables":
                try TableExpectations.check(value as! [[String: Any]], label, fold)
            case "pageFooters":
                let lines = value as! [Int]
                let raw = String(decoding: try TestSupport.bytes(name), as: UTF8.self).components(separatedBy: "\n")
                let all = allText(label)
                for line in lines {
                    let footer = raw[line - 1].trimmingCharacters(in: .whitespaces)
                    #expect(!all.contains(footer), "page footer of line \(line) left in the text")
                }
                #expect(label.diagnostics.contains { $0.code == "normalize.pageFooter" && $0.line == lines.first })
            default:
                Issue.record("unhandled fact \(key) in \(name)")
            }
        }
        if label.kind == .article || label.kind == .unknown {
            #expect(label.diagnostics.contains { $0.code == "segment.noSections" && $0.severity != .error })
        }
    }

    private func checkMetadata(_ facts: [String: Any], _ m: Metadata, _ fold: Fold) throws {
        for (key, value) in facts {
            switch key {
            case "genericName": #expect(m.genericName.map { fold($0) } == fold(value as! String))
            case "tradeName": #expect(m.tradeName.map { fold($0) } == fold(value as! String))
            case "englishName": #expect(m.englishName.map { fold($0) } == fold(value as! String))
            case "pinyin": #expect(m.pinyin.map { fold($0) } == fold(value as! String))
            case "standard": #expect(m.standard == value as? String)
            case "approvalNumbers": #expect(m.approvalNumbers == value as! [String])
            case "revisions":
                let expected = (value as! [[String: Any]]).map { "\($0["ordinal"]!) \($0["date"]!)" }
                #expect(m.revisions.map { "\($0.ordinal.map(String.init) ?? "nil") \($0.date)" } == expected)
            case "holderName": #expect(m.holder?.name.map { fold($0) } == fold(value as! String))
            case "storageMaxCelsius": #expect(m.storage?.maxCelsius == (value as! NSNumber).doubleValue)
            case "shelfLifeMonths": #expect(m.shelfLife?.months == value as? Int)
            default: Issue.record("unhandled metadata fact \(key)")
            }
        }
    }

    /// All text of the output: sections, fields, metadata, boxed warning.
    private func allText(_ label: Label) -> String {
        var parts = label.sections.map(\.text) + label.fields.flatMap { [$0.name, $0.value] }
        parts += [label.title, label.metadata.genericName, label.metadata.notice].compactMap { $0 }
        if let w = label.boxedWarning { parts += [w.title] + w.items }
        return parts.joined(separator: "\n")
    }
}
