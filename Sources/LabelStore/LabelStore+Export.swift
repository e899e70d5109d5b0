import DrugLabel
import Foundation
import GRDB

extension LabelStore {
    /// Every indexed document as one JSON object for other tools and bulk loading: its
    /// identity and metadata, and its sections under the catalogue's keys (openFDA's label field
    /// names where one exists), each an array of texts as openFDA writes them.
    public func export(each: (Data) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT path, json FROM documents ORDER BY path")
            while let row = try cursor.next() {
                let json: String = row["json"]
                let label = try LabelJSON.decode(Data(json.utf8))
                try each(try encoder.encode(ExportedDocument(path: row["path"], label: label)))
            }
        }
    }
}

/// The export shape of one document.
struct ExportedDocument: Encodable {
    let path: String
    let label: Label

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct Other: Encodable { var heading: String; var text: String }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(path, forKey: Key("path"))
        try c.encode(label.source.sha256, forKey: Key("sha256"))
        try c.encode(label.kind.rawValue, forKey: Key("kind"))
        try c.encode(label.title, forKey: Key("title"))
        try c.encode(label.metadata, forKey: Key("metadata"))
        var byKey: [String: [String]] = [:]
        var other: [Other] = []
        for section in label.sections {
            if let key = section.key { byKey[key, default: []].append(section.text) } else { other.append(Other(heading: section.heading, text: section.text)) }
        }
        for (key, texts) in byKey { try c.encode(texts, forKey: Key(key)) }
        if !other.isEmpty { try c.encode(other, forKey: Key("other_sections")) }
        if let warning = label.boxedWarning { try c.encode([warning.items.joined(separator: "\n")], forKey: Key("boxed_warning")) }
    }
}
