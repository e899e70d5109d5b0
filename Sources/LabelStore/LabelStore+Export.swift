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
            let documents = try Row.fetchAll(db, sql: "SELECT id, path, sha256, kind, title, metadata, boxed_warning FROM documents ORDER BY path")
            for doc in documents {
                let id: Int64 = doc["id"]
                let sections = try Row.fetchAll(db, sql: """
                    SELECT s.key, s.heading, group_concat(p.text, char(10)) AS text FROM sections s
                    LEFT JOIN (SELECT section_id, text FROM paragraphs ORDER BY id) p ON p.section_id = s.id
                    WHERE s.document_id = ? GROUP BY s.id ORDER BY s.ordinal
                    """, arguments: [id]).map { (key: $0["key"] as String?, heading: $0["heading"] as String, text: ($0["text"] as String?) ?? "") }
                let metadata: String = doc["metadata"]
                let exported = ExportedDocument(path: doc["path"], sha256: doc["sha256"], kind: doc["kind"], title: doc["title"],
                                                metadata: try JSONDecoder().decode(Metadata.self, from: Data(metadata.utf8)),
                                                boxedWarning: doc["boxed_warning"], sections: sections)
                try each(try encoder.encode(exported))
            }
        }
    }
}

/// The export shape of one document.
struct ExportedDocument: Encodable {
    let path: String
    let sha256: String
    let kind: String
    let title: String?
    let metadata: Metadata
    let boxedWarning: String?
    let sections: [(key: String?, heading: String, text: String)]

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
        try c.encode(sha256, forKey: Key("sha256"))
        try c.encode(kind, forKey: Key("kind"))
        try c.encode(title, forKey: Key("title"))
        try c.encode(metadata, forKey: Key("metadata"))
        var byKey: [String: [String]] = [:]
        var other: [Other] = []
        for section in sections {
            if let key = section.key { byKey[key, default: []].append(section.text) } else { other.append(Other(heading: section.heading, text: section.text)) }
        }
        for (key, texts) in byKey { try c.encode(texts, forKey: Key(key)) }
        if !other.isEmpty { try c.encode(other, forKey: Key("other_sections")) }
        if let boxedWarning { try c.encode([boxedWarning], forKey: Key("boxed_warning")) }
    }
}
