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

    /// The stored documents, decoded, for queries that read the model's own views rather than
    /// repeat them in SQL. `where` narrows them first.
    func labels(_ db: Database, where condition: String = "1", arguments: StatementArguments = []) throws -> [(String, Label)] {
        try Row.fetchAll(db, sql: "SELECT path, json FROM documents WHERE \(condition) ORDER BY path", arguments: arguments).map { row in
            let json: String = row["json"]
            return (row["path"], try LabelJSON.decode(Data(json.utf8)))
        }
    }

    /// Doses whose drug matches `drug` as `LabelParser.sameDrug` decides, with the unit and per
    /// given.
    public func doses(drug: String?, unit: String?, per: String?, parser: LabelParser) throws -> [DoseHit] {
        try pool.read { db in
            var sql = "SELECT DISTINCT d.id FROM documents d JOIN doses x ON x.document_id = d.id WHERE 1"
            var arguments: StatementArguments = []
            if let unit { sql += " AND x.unit = ?"; arguments += [unit] }
            if let per { sql += " AND x.per = ?"; arguments += [per] }
            let ids = try Int64.fetchAll(db, sql: sql, arguments: arguments)
            guard !ids.isEmpty else { return [] }
            let list = ids.map(String.init).joined(separator: ",")
            return try labels(db, where: "id IN (\(list))").flatMap { path, label in
                label.doses.filter { d in
                    (unit == nil || d.unit == unit) && (per == nil || d.per == per)
                        && (drug == nil || parser.sameDrug(d.drug, drug!, in: label))
                }.map { DoseHit(path: path, dose: $0) }
            }
        }
    }

    /// Adverse-reaction rows whose term is `term` (folded: `发热` is not `发热性中性粒细胞减少症`) with
    /// at least the given all-grade and grade-3-or-worse percentages in some arm.
    public func adverseReactions(term: String, minAll: Double?, minGrade3: Double?, parser: LabelParser) throws -> [ReactionHit] {
        let folder = parser.matchingFolder
        let wanted = folder.fold(term)
        return try pool.read { db in
            try labels(db, where: "id IN (SELECT DISTINCT document_id FROM table_rows)").flatMap { path, label in
                label.tables.flatMap { table in
                    table.adverseReactionRows().filter { row in
                        guard folder.fold(row.term) == wanted else { return false }
                        return row.arms.contains { arm in
                            (minAll.map { (arm.allGrades ?? -1) >= $0 } ?? true) && (minGrade3.map { (arm.grade3OrWorse ?? -1) >= $0 } ?? true)
                        }
                    }.map { ReactionHit(path: path, table: table.id, row: $0) }
                }
            }
        }
    }

    /// Form fields whose name matches `name` (folded, either contains the other).
    public func fields(name: String, parser: LabelParser) throws -> [FieldHit] {
        let folder = parser.matchingFolder
        let wanted = folder.fold(name)
        return try pool.read { db in
            try labels(db, where: "id IN (SELECT DISTINCT document_id FROM fields)").flatMap { path, label in
                label.fields.filter { f in
                    let got = folder.fold(f.name)
                    return got.contains(wanted) || wanted.contains(got)
                }.map { FieldHit(path: path, field: $0) }
            }
        }
    }
}
