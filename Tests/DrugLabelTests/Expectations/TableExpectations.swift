import DrugLabel
import Foundation
import TestSupport
import Testing

/// The `tables` facts of a hand-read expectation, checked against the parsed tables. Every key
/// of a table fact is either checked here or fails the test.
enum TableExpectations {
    static func check(_ facts: [[String: Any]], _ label: Label, _ fold: Fold) throws {
        for fact in facts {
            let id = fact["id"] as! String
            let table = try #require(label.tables.first { fold($0.id) == fold(id) }, "no \(id)")
            for (key, value) in fact.sorted(by: { $0.key < $1.key }) {
                switch key {
                case "id":
                    continue
                case "section":
                    #expect(table.section == value as? String, "\(id) section")
                case "rows":
                    #expect(table.rows.count == value as? Int, "\(id) rows")
                case "groups":
                    #expect(table.groups.count == value as? Int, "\(id) groups")
                case "columns":
                    let expected = (value as! [[String]]).map { $0.map { fold($0) } }
                    #expect(table.columns.map { $0.map { fold($0) } } == expected, "\(id) columns")
                case "captionContains":
                    #expect(fold(table.caption).contains(fold(value as! String)), "\(id) caption")
                case "gradeRows":
                    #expect(table.rows.map { fold($0.label) } == (value as! [String]).map { fold($0) }, "\(id) grade rows")
                case "footnoteDefinitions":
                    #expect(table.footnotes.count == value as? Int, "\(id) footnote definitions")
                case "footnoteA":
                    #expect(table.footnotes.first { $0.mark == "a" }.map { fold($0.text) } == fold(value as! String), "\(id) footnote a")
                case "spotRows":
                    for spot in value as! [[String: Any]] { try checkRow(spot, in: table, fold) }
                default:
                    Issue.record("unhandled table fact \(key) of \(id)")
                }
            }
        }
    }

    private static func checkRow(_ spot: [String: Any], in table: Table, _ fold: Fold) throws {
        let label = spot["label"] as! String
        let group = spot["group"] as? String
        let row = try #require(table.rows.first { fold($0.label) == fold(label) && (group == nil || $0.group.map { fold($0) } == fold(group!)) },
                               "\(table.id): no row \(label) in \(group ?? "any group")")
        for (key, value) in spot {
            switch key {
            case "label", "group", "note":
                continue
            case "footnotes":
                #expect(row.footnotes == value as! [String], "\(table.id) \(label) footnotes")
            case "cells":
                let expected = (value as! [Any]).map { ($0 as? NSNumber)?.doubleValue }
                #expect(row.cells.map(\.value) == expected, "\(table.id) \(label) cells")
            case "ci":
                let expected = (value as! [[Any]]).map { $0.map { ($0 as? NSNumber)?.doubleValue } }
                #expect(row.cells.map { $0.ci ?? [] } == expected, "\(table.id) \(label) ci")
            default:
                Issue.record("unhandled row fact \(key) of \(table.id) \(label)")
            }
        }
    }
}
