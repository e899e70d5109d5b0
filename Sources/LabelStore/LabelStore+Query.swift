import DrugLabel
import Foundation
import GRDB

extension LabelStore {
    /// A dose found in the index, with its document.
    public struct DoseHit: Codable, Sendable, Hashable {
        public var path: String
        public var dose: Dose
    }

    /// An adverse-reaction row found in the index, with its document and table.
    public struct ReactionHit: Codable, Sendable, Hashable {
        public var path: String
        public var table: String
        public var row: AdverseReactionRow
    }

    /// A form field found in the index.
    public struct FieldHit: Codable, Sendable, Hashable {
        public var path: String
        public var field: Field
    }

    /// Doses of a drug (folded, either name containing the other, as `doses --drug` matches;
    /// the index holds the resolved names, so `本品` is already the generic name), with the unit
    /// and per given. The rows are the library's own `Dose` values, stored at index time.
    public func doses(drug: String?, unit: String?, per: String?, parser: LabelParser) throws -> [DoseHit] {
        var sql = "SELECT d.path, x.json FROM doses x JOIN documents d ON d.id = x.document_id WHERE 1"
        var arguments: StatementArguments = []
        if let unit { sql += " AND x.unit = ?"; arguments += [unit] }
        if let per { sql += " AND x.per = ?"; arguments += [per] }
        if let drug {
            let key = parser.matchingFolder.fold(drug)
            sql += " AND (instr(x.drug_key, ?) > 0 OR instr(?, x.drug_key) > 0)"
            arguments += [key, key]
        }
        sql += " ORDER BY d.path, x.id"
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let json: String = row["json"]
                return DoseHit(path: row["path"], dose: try JSONDecoder().decode(Dose.self, from: Data(json.utf8)))
            }
        }
    }

    /// Adverse-reaction rows whose term is `term` (folded: `发热` is not `发热性中性粒细胞减少症`)
    /// with at least the given all-grade and grade-3-or-worse percentages in one arm. The rows
    /// are the library's `AdverseReactionRow` view, stored at index time, one line per arm.
    public func adverseReactions(term: String, minAll: Double?, minGrade3: Double?, parser: LabelParser) throws -> [ReactionHit] {
        var sql = """
            SELECT DISTINCT d.path, r.table_id, r.row_ordinal, r.json FROM reaction_arms r
            JOIN documents d ON d.id = r.document_id WHERE r.term_key = ?
            """
        var arguments: StatementArguments = [parser.matchingFolder.fold(term)]
        if let minAll { sql += " AND r.all_grades >= ?"; arguments += [minAll] }
        if let minGrade3 { sql += " AND r.grade3 >= ?"; arguments += [minGrade3] }
        sql += " ORDER BY d.path, r.table_id, r.row_ordinal"
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let json: String = row["json"]
                return ReactionHit(path: row["path"], table: row["table_id"],
                                   row: try JSONDecoder().decode(AdverseReactionRow.self, from: Data(json.utf8)))
            }
        }
    }

    /// Form fields whose name matches `name` (folded, either contains the other).
    public func fields(name: String, parser: LabelParser) throws -> [FieldHit] {
        let key = parser.matchingFolder.fold(name)
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.path, f.name, f.value, f.start_line, f.end_line FROM fields f JOIN documents d ON d.id = f.document_id
                WHERE instr(f.name_key, ?) > 0 OR instr(?, f.name_key) > 0 ORDER BY d.path, f.id
                """, arguments: [key, key]).map { row in
                FieldHit(path: row["path"], field: Field(name: row["name"], value: row["value"],
                                                         span: SourceSpan(startLine: row["start_line"], endLine: row["end_line"])))
            }
        }
    }

    /// The cells of every table row stored for a document, in order.
    public func tableRows(path: String) throws -> [[DrugLabel.Table.Cell]] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT r.cells FROM table_rows r JOIN documents d ON d.id = r.document_id WHERE d.path = ? ORDER BY r.id
                """, arguments: [path]).map { try JSONDecoder().decode([DrugLabel.Table.Cell].self, from: Data($0.utf8)) }
        }
    }
}
