import DrugLabel
import Foundation
import GRDB

extension LabelStore {
    /// Doses of a drug (folded, either name containing the other, as `doses --drug` matches;
    /// the index holds the resolved names, so `本品` is already the generic name), with the unit
    /// and per given, in line order within each document, as `doses` lists them. The rows are the
    /// library's own `Dose` values, stored at index time.
    public func doses(drug: String?, unit: String?, per: String?, page: Page = .all, fold: TextFold) throws -> Answer<DoseHit> {
        var filter = "1"
        var arguments: StatementArguments = []
        if let unit { filter += " AND x.unit = ?"; arguments += [unit] }
        if let per { filter += " AND x.per = ?"; arguments += [per] }
        if let drug {
            // Containment cannot use an index: it is tested on the distinct names, far fewer
            // than the doses, and the doses are then looked up by name.
            let key = fold(drug)
            let names = try pool.read { db in
                try String.fetchAll(db, sql: """
                    SELECT key FROM dose_drugs WHERE instr(key, ?) > 0 OR instr(?, key) > 0
                    """, arguments: [key, key])
            }
            filter += " AND x.drug_key IN (\(databaseQuestionMarks(count: max(names.count, 1))))"
            arguments += StatementArguments(names.isEmpty ? [""] : names)
        }
        let decoder = JSONDecoder()
        return try answer("""
            WITH page AS (SELECT x.id, d.path FROM doses x JOIN documents d ON d.id = x.document_id WHERE \(filter)
                          ORDER BY d.path, x.start_line, x.id PAGE)
            SELECT page.path, y.json FROM page JOIN doses y ON y.id = page.id ORDER BY page.path, y.start_line, y.id
            """, arguments, page: page, count: "SELECT count(*) FROM doses x WHERE \(filter)") { row in
            let json: String = row["json"]
            return DoseHit(path: row["path"], dose: try decoder.decode(Dose.self, from: Data(json.utf8)))
        }
    }

    /// Adverse-reaction rows whose term is exactly `term` (folded), with the thresholds in one arm.
    /// Kept for callers written before the filter: `adverseReactions(_:page:fold:)` also finds
    /// a term inside a longer one, and rows by thresholds alone.
    public func adverseReactions(term: String, minAll: Double?, minGrade3: Double?, page: Page = .all,
                                 fold: TextFold) throws -> Answer<ReactionHit> {
        try adverseReactions(ReactionFilter(term: term, exactTerm: true, minAll: minAll, minGrade3: minGrade3),
                             page: page, fold: fold)
    }

    /// Adverse-reaction rows that pass the filter, in document order (path, then table and row as
    /// the document has them). The rows are the library's `AdverseReactionRow` view, stored at
    /// index time, one line per arm: a row with two arms over the threshold is still one row.
    public func adverseReactions(_ filter: ReactionFilter, page: Page = .all, fold: TextFold) throws -> Answer<ReactionHit> {
        var condition = "1"
        var arguments: StatementArguments = []
        if let term = filter.term {
            let key = fold(term)
            if filter.exactTerm {
                condition += " AND r.term_key = ?"
                arguments += [key]
            } else {
                // Containment cannot use the term index; it is tested on the distinct terms, far
                // fewer than the arms, and the arms are then looked up by term through the index.
                let terms = try pool.read { db in
                    try String.fetchAll(db, sql: "SELECT DISTINCT term_key FROM reaction_arms WHERE instr(term_key, ?) > 0",
                                        arguments: [key])
                }
                condition += " AND r.term_key IN (\(databaseQuestionMarks(count: max(terms.count, 1))))"
                arguments += StatementArguments(terms.isEmpty ? [""] : terms)
            }
        }
        if let minAll = filter.minAll { condition += " AND r.all_grades >= ?"; arguments += [minAll] }
        if let minGrade3 = filter.minGrade3 { condition += " AND r.grade3 >= ?"; arguments += [minGrade3] }
        let decoder = JSONDecoder()
        // A row's arms were written together, in document order: the least id of a row's arms
        // orders the rows as the document has them (table ids sort `表 10` before `表 2`). The
        // row's JSON is on its first arm only, the nearest arm with JSON at or before any of
        // its arms (the arms that pass the filter may not include the first).
        return try answer("""
            WITH page AS (SELECT min(r.id) AS id, d.path FROM reaction_arms r JOIN documents d ON d.id = r.document_id
                          WHERE \(condition) GROUP BY r.document_id, r.table_id, r.row_ordinal
                          ORDER BY d.path, min(r.id) PAGE)
            SELECT page.path, x.table_id,
                   (SELECT j.json FROM reaction_arms j WHERE j.id <= page.id AND j.json <> '' ORDER BY j.id DESC LIMIT 1) AS json
            FROM page JOIN reaction_arms x ON x.id = page.id
            ORDER BY page.path, x.id
            """, arguments, page: page,
            count: "SELECT count(*) FROM (SELECT DISTINCT r.document_id, r.table_id, r.row_ordinal FROM reaction_arms r WHERE \(condition))") { row in
            let json: String = row["json"]
            return ReactionHit(path: row["path"], table: row["table_id"],
                               row: try decoder.decode(AdverseReactionRow.self, from: Data(json.utf8)))
        }
    }

    /// Form fields whose name matches `name` (folded, either contains the other).
    public func fields(name: String, page: Page = .all, fold: TextFold) throws -> Answer<FieldHit> {
        let key = fold(name)
        let filter = "instr(f.name_key, ?) > 0 OR instr(?, f.name_key) > 0"
        return try answer("""
            SELECT d.path, f.name, f.value, f.start_line, f.end_line FROM fields f JOIN documents d ON d.id = f.document_id
            WHERE \(filter) ORDER BY d.path, f.id PAGE
            """, [key, key], page: page, count: "SELECT count(*) FROM fields f WHERE \(filter)") { row in
            FieldHit(path: row["path"], field: Field(name: row["name"], value: row["value"],
                                                     span: SourceSpan(startLine: row["start_line"], endLine: row["end_line"])))
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
