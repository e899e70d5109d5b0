import DrugLabel
import Foundation
import TestSupport

/// The seed label as PDF, .docx and web page, made by Scripts/make-document-fixtures.py, and
/// the table layout the script wrote into them.
enum DocumentFixtures {
    static let folder = TestSupport.fixtures.appendingPathComponent("documents")

    static func path(_ ext: String) -> String {
        folder.appendingPathComponent("\(TestSupport.labelName).\(ext)").path
    }

    static func other(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// One parser for the suite: opening its ICU transforms costs milliseconds each time.
    static func parse(_ ext: String) throws -> Label {
        try LabelParser().parse(fileAt: path(ext))
    }

    static func read(_ ext: String) throws -> ReadDocument {
        guard case .document(let document) = try DocumentReader().read(LabelFile.read(path(ext)), path: path(ext)) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return document
    }

    struct LayoutTable: Decodable {
        struct Cell: Decodable {
            var row: Int
            var column: Int
            var rowSpan: Int
            var columnSpan: Int
            var paragraphs: [String]
        }
        var id: String
        var caption: String
        var columns: Int
        var rows: Int
        var cells: [Cell]
    }

    static func layout() throws -> [LayoutTable] {
        struct File: Decodable { var tables: [LayoutTable] }
        let data = try Data(contentsOf: folder.appendingPathComponent("\(TestSupport.labelName).layout.json"))
        return try JSONDecoder().decode(File.self, from: data).tables
    }

    /// Text compared across formats: without spaces (a raised footnote mark is read with a
    /// space before it) and with raised digits as digits (the layout records runs, not glyphs).
    static func comparable(_ text: String) -> String {
        let raised: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"]
        return String(text.filter { !$0.isWhitespace }.map { raised[$0] ?? $0 })
    }
}
