import DrugLabel
import Foundation
import TestSupport
import Testing

/// The `doses` and `quantities` facts of a hand-read expectation. A dose matches on drug
/// (either name contains the other, folded), amount, unit and per, as the expectations'
/// README says; route, schedule, frequency and maximum are checked where the fact gives them.
enum DoseExpectations {
    static func checkDoses(_ facts: [[String: Any]], _ label: Label, _ fold: Fold, name: String) {
        if facts.isEmpty {
            #expect(label.doses.isEmpty, "\(name) should have no doses: \(label.doses.map(\.text))")
        }
        for fact in facts {
            let drug = fold(fact["drug"] as! String)
            let amount = fact["amount"] as! [String: Any]
            let unit = fact["unit"] as! String
            let per = fact["per"] as? String
            let matches = label.doses.filter { d in
                let got = fold(d.drug)
                return (got.contains(drug) || drug.contains(got)) && d.unit == unit && d.per == per
                    && d.amount.value == (amount["value"] as? NSNumber)?.doubleValue
                    && d.amount.low == (amount["low"] as? NSNumber)?.doubleValue
                    && d.amount.high == (amount["high"] as? NSNumber)?.doubleValue
            }
            #expect(!matches.isEmpty, "\(name): no dose \(fact["drug"]!) \(amount) \(unit) per \(per ?? "nil")")
            for (key, value) in fact {
                switch key {
                case "drug", "amount", "unit", "per", "note":
                    continue
                case "route", "schedule", "frequency":
                    let path: KeyPath<Dose, String?> = key == "route" ? \.route : key == "schedule" ? \.schedule : \.frequency
                    #expect(matches.contains { $0[keyPath: path].map { fold($0) } == fold(value as! String) },
                            "\(name) \(fact["drug"]!): \(key) \(matches.map { $0[keyPath: path] ?? "nil" }) ≠ \(value)")
                case "maximum":
                    #expect(matches.contains { $0.maximum.map { fold($0.text).hasSuffix(fold(value as! String)) } == true },
                            "\(name) \(fact["drug"]!): maximum \(matches.map { $0.maximum?.text ?? "nil" }) ≠ \(value)")
                default:
                    Issue.record("unhandled dose fact \(key) in \(name)")
                }
            }
        }
    }

    static func checkQuantities(_ facts: [[String: Any]], _ label: Label, _ fold: Fold, name: String) {
        for fact in facts {
            let text = fold(fact["text"] as! String)
            let candidates = label.quantities.filter { fold($0.text).contains(text) || text.contains(fold($0.text)) }
            #expect(!candidates.isEmpty, "\(name): no quantity “\(fact["text"]!)”")
            let number = { (key: String) in (fact[key] as? NSNumber)?.doubleValue }
            let ok = candidates.contains { q in
                for key in fact.keys where key != "text" {
                    switch key {
                    case "celsius": if !(q.kind == "temperature" && q.value == number(key)) { return false }
                    case "celsiusLow": if !(q.kind == "temperature" && q.low == number(key)) { return false }
                    case "celsiusHigh": if !(q.kind == "temperature" && q.high == number(key)) { return false }
                    case "value": if q.value != number(key) { return false }
                    case "low": if q.low != number(key) { return false }
                    case "high": if q.high != number(key) { return false }
                    case "unit": if q.unit != fact[key] as? String { return false }
                    default: Issue.record("unhandled quantity fact \(key) in \(name)"); return false
                    }
                }
                return true
            }
            #expect(ok, "\(name): quantity “\(fact["text"]!)” has other values: \(candidates)")
        }
    }
}
