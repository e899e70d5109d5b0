import DrugLabel
import Foundation
import LabelStore

/// What the API and the pages answer, over one read-only store: the routes only read
/// parameters and write responses. Documents are parsed again from their source files on
/// demand (the index keeps what search needs, not whole parses), checked against the hash the
/// index recorded.
final class LabelService: Sendable {
    let store: LabelStore
    private let benches = WorkbenchPool()
    private let documents = DocumentCache()
    private let state = CatalogState()

    init(store: LabelStore) { self.store = store }

    /// Reads the label list and makes one set of tools before the first request, which would
    /// otherwise wait for both.
    func warmUp() throws {
        _ = try catalog()
        try benches.with { _ in }
    }

    // MARK: The catalogue of labels, reloaded when the store is written again.

    func catalog() throws -> LabelCatalog {
        let written = store.lastWritten()
        if let current = state.current(written: written) { return current }
        let fresh = LabelCatalog(try store.documentSummaries())
        // Kept only once the write has settled, as the store keeps its searches: a write in the
        // same clock tick would leave the time unchanged and the new labels unlisted.
        if written.map({ Date().timeIntervalSince($0) >= 0.05 }) ?? true { state.set(fresh, written: written) }
        return fresh
    }

    func lastIndexed() -> String? {
        let written = store.lastWritten()
        return state.stamp(written: written)
    }

    func entry(_ id: String) throws -> LabelCatalog.Entry {
        guard let entry = try catalog()[id] else {
            throw APIError.notFound("no_label", "no label \(id); GET /labels lists the labels and their ids")
        }
        return entry
    }

    // MARK: Labels

    /// The labels whose drug and kind match, by id.
    func list(drug: String?, kind: String?) throws -> [LabelCatalog.Entry] {
        let entries = try catalog().entries
        let paths = try drug.map { drug in try benches.with { try store.documentPaths(drug: drug, holder: nil, folder: $0.parser.matchingFolder) } }
        return entries.filter { e in (kind == nil || e.summary.kind == kind) && (paths?.contains(e.summary.path) ?? true) }
    }

    /// One page of a search, the size of the whole answer, and the labels' ids.
    func search(_ text: String, section: String?, drug: String?, kind: String?, limit: Int, skip: Int) throws -> (total: Int, results: [SearchResult]) {
        let catalog = try catalog()
        return try benches.with { bench in
            let folder = bench.parser.matchingFolder
            let filters = LabelStore.SearchFilters(section: section, kind: kind, drug: drug, limit: limit, offset: skip)
            let query = SearchQuery(text)
            do {
                let answer = try store.searchPage(query, filters: filters, folder: folder)
                return (answer.total, answer.items.map { SearchResult($0, id: catalog.id(forPath: $0.path)) })
            } catch StoreError.emptyQuery {
                throw APIError.badRequest("empty_query", "search has no letters, digits or ideographs to look for")
            }
        }
    }

    /// The catalogue key a section name means (a key, a heading or an alias).
    func sectionKey(_ name: String) throws -> String {
        guard let key = try benches.with({ $0.parser.catalogueKey(for: name) }) else {
            throw APIError.badRequest("unknown_section", "no section \(name) in the catalogue; use a key such as warnings_and_cautions or a heading such as 注意事项")
        }
        return key
    }

    /// The whole parsed document, its source path never shown: `source.path` is the file name.
    /// A document too large to keep is parsed without its source lines unless `withLines`
    /// (the diff needs them): they would double its memory.
    func document(_ id: String, withLines: Bool = false) throws -> ParsedDocument {
        let entry = try entry(id)
        return try documents.document(id + "@" + entry.summary.sha256) {
            let bytes: [UInt8]
            do { bytes = try LabelFile.read(entry.summary.path) } catch {
                throw APIError.internalError("source_unreadable", "the source of label \(id) cannot be read where it was indexed; start the server in the folder `druglabel index` ran in, or index again")
            }
            let name = entry.summary.path.split(separator: "/").last.map(String.init) ?? id
            let document = try benches.with { bench in
                withLines || documents.keeps(bytes: bytes.count)
                    ? try bench.parser.parseDocument(bytes: bytes, path: name)
                    : ParsedDocument(label: try bench.parser.parse(bytes: bytes, path: name), lines: [])
            }
            guard document.label.source.sha256 == entry.summary.sha256 else {
                throw APIError.internalError("source_changed", "the source of label \(id) changed after it was indexed; run `druglabel index` again")
            }
            return document
        }
    }

    func section(_ id: String, _ name: String) throws -> Section {
        let document = try document(id)
        guard let section = try benches.with({ $0.parser.findSection(name, in: document.label) }) else {
            let known = document.label.sections.map { $0.key ?? $0.heading }.joined(separator: ", ")
            throw APIError.notFound("no_section", "label \(id) has no section \(name); it has \(known)")
        }
        return section
    }

    func tables(_ id: String, _ name: String) throws -> [Table] {
        let label = try document(id).label
        let tables = label.tables(named: name)
        guard !tables.isEmpty else {
            let known = label.tables.map(\.id).joined(separator: ", ")
            throw APIError.notFound("no_table", "label \(id) has no table \(name) (tables: \(known.isEmpty ? "none" : known))")
        }
        return tables
    }

    func diff(_ id: String, _ other: String) throws -> LabelDiffReport {
        let old = try document(id, withLines: true), new = try document(other, withLines: true)
        return try benches.with { try $0.labelDiffer().diff(old, new) }
    }

    func validate(_ id: String, asOf: String?) throws -> ValidationReport {
        let label = try document(id).label
        return try benches.with { try $0.labelValidator().validate(label, profile: nil, asOf: asOf ?? LabelValidator.today()) }
    }

    // MARK: Structured queries

    func doses(drug: String?, unit: String?, per: String?, limit: Int, skip: Int) throws -> (total: Int, results: [DoseResult]) {
        let catalog = try catalog()
        let answer = try benches.with { try store.doses(drug: drug, unit: unit, per: per, page: .init(limit: limit, offset: skip), parser: $0.parser) }
        return (answer.total, answer.items.map { DoseResult(label: catalog.id(forPath: $0.path), dose: $0.dose) })
    }

    func reactions(term: String, minAll: Double?, minGrade3: Double?, limit: Int, skip: Int) throws -> (total: Int, results: [ReactionResult]) {
        let catalog = try catalog()
        let answer = try benches.with {
            try store.adverseReactions(term: term, minAll: minAll, minGrade3: minGrade3, page: .init(limit: limit, offset: skip), parser: $0.parser)
        }
        return (answer.total, answer.items.map { ReactionResult(label: catalog.id(forPath: $0.path), table: $0.table, row: $0.row) })
    }
}

/// The catalogue and the store write time it was read at.
private final class CatalogState: @unchecked Sendable {
    private let lock = NSLock()
    private var catalog: LabelCatalog?
    private var written: Date?

    func current(written: Date?) -> LabelCatalog? {
        lock.withLock { catalog != nil && self.written == written ? catalog : nil }
    }

    func set(_ catalog: LabelCatalog, written: Date?) {
        lock.withLock { self.catalog = catalog; self.written = written }
    }

    private var stamped: (written: Date?, text: String?)?

    /// The write time as ISO 8601, formatted once per write: a formatter costs more to make
    /// than a search page.
    func stamp(written: Date?) -> String? {
        lock.withLock {
            if let stamped, stamped.written == written { return stamped.text }
            let text = written.map { ISO8601DateFormatter().string(from: $0) }
            stamped = (written, text)
            return text
        }
    }
}
