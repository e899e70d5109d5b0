import DrugLabel
import Foundation
import LabelStore

/// What the API and the pages answer, over one read-only store: the routes only read
/// parameters and write responses. Documents are parsed again on demand from the copy of their
/// source the index keeps, never from the files they were indexed from: a file moved, changed,
/// deleted or replaced by a FIFO since changes nothing the server says, and the server may run
/// in any folder.
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

    /// When an index run last finished, as the index records it (a search or a copy of the file
    /// does not move it); read again only when the file was written since.
    func lastIndexed() -> String? {
        state.stamp(written: store.lastWritten()) { try? store.lastIndexed() }
    }

    func entry(_ id: String) throws -> LabelCatalog.Entry {
        guard let entry = try catalog()[id] else {
            throw APIError.notFound("no_label", "no label \(id); GET /labels lists the labels and their ids")
        }
        return entry
    }

    // MARK: Labels

    /// The labels whose drug and kind match and that have the section (a catalogue key), by id.
    func list(drug: String?, kind: String?, section: String? = nil) throws -> [LabelCatalog.Entry] {
        let entries = try catalog().entries
        let paths = try drug.map { drug in try benches.with { try store.documentPaths(drug: drug, holder: nil, fold: $0.parser.fold) } }
        let kept = entries.filter { e in (kind == nil || e.summary.kind == kind) && (paths?.contains(e.summary.path) ?? true) }
        guard let section else { return kept }
        let having = try store.documentPaths(section: section)
        return kept.filter { having.contains($0.summary.path) }
    }

    /// One page of a search, the size of the whole answer, and the labels' ids.
    func search(_ text: String, section: String?, drug: String?, kind: String?, limit: Int, skip: Int) throws -> (total: Int, results: [SearchResult]) {
        let catalog = try catalog()
        return try benches.with { bench in
            let fold = bench.parser.fold
            let filters = LabelStore.SearchFilters(section: section, kind: kind, drug: drug, limit: limit, offset: skip)
            let query = SearchQuery(text)
            do {
                let answer = try store.searchPage(query, filters: filters, fold: fold)
                return (answer.total, answer.items.map { SearchResult($0, id: catalog.id(forPath: $0.path)) })
            } catch StoreError.emptyQuery {
                throw APIError.badRequest(LabelService.emptyQuery, "search has no letters, digits or ideographs to look for")
            }
        }
    }

    static let emptyQuery = "empty_query"

    /// The catalogue key a section name means (a key, a heading or an alias; the boxed warning
    /// by its key or a title). Unknown is a 404, as for a section of one label: the name is
    /// well formed, there is just no such section (and the OpenAPI document can promise
    /// nothing narrower than a string for a name that may be written many ways).
    func sectionKey(_ name: String) throws -> String {
        let key = try benches.with { $0.parser.partKey(for: name) }
        guard let key else {
            throw APIError.notFound("unknown_section", "no section \(name) in the catalogue; use a key such as warnings_and_cautions or a heading such as 注意事项")
        }
        return key
    }

    /// The whole parsed document, from the source the index keeps; its source path never shown:
    /// `source.path` is the file name.
    func document(_ id: String) throws -> ParsedDocument {
        let entry = try entry(id)
        return try documents.document(id + "@" + entry.summary.sha256) {
            guard let bytes = try store.storedSource(path: entry.summary.path) else {
                throw APIError.internalError("source_not_stored", "the index keeps no copy of label \(id) (it was made by an older druglabel); run `druglabel index` again")
            }
            // Parsed under its file name: the folder it was indexed from is the server's business.
            let name = entry.summary.path.split(separator: "/").last.map(String.init) ?? id
            let document = try benches.with { try $0.parser.parseDocument(bytes: bytes, path: name) }
            guard document.label.source.sha256 == entry.summary.sha256 else {
                throw APIError.internalError("source_damaged", "the copy of label \(id) in the index does not match the hash it was indexed with; run `druglabel index --rebuild`")
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
        let tables = TableName(name).select(from: label.tables)
        guard !tables.isEmpty else {
            let known = label.tables.map(\.id).joined(separator: ", ")
            throw APIError.notFound("no_table", "label \(id) has no table \(name) (tables: \(known.isEmpty ? "none" : known))")
        }
        return tables
    }

    func diff(_ id: String, _ other: String) throws -> LabelDiffReport {
        let old = try document(id), new = try document(other)
        return try benches.with { try $0.labelDiffer().diff(old, new) }
    }

    func validate(_ id: String, asOf: String?) throws -> ValidationReport {
        let label = try document(id).label
        return try benches.with { try $0.labelValidator().validate(label, profile: nil, asOf: asOf ?? LabelValidator.today()) }
    }

    // MARK: Structured queries

    func doses(drug: String?, unit: String?, per: String?, limit: Int, skip: Int) throws -> (total: Int, results: [DoseResult]) {
        let catalog = try catalog()
        let answer = try benches.with { try store.doses(drug: drug, unit: unit, per: per, page: .init(limit: limit, offset: skip), fold: $0.parser.fold) }
        return (answer.total, answer.items.map { DoseResult(label: catalog.id(forPath: $0.path), dose: $0.dose) })
    }

    func reactions(term: String?, minAll: Double?, minGrade3: Double?, limit: Int, skip: Int) throws -> (total: Int, results: [ReactionResult]) {
        let catalog = try catalog()
        let filter = LabelStore.ReactionFilter(term: term, minAll: minAll, minGrade3: minGrade3)
        let answer = try benches.with { try store.adverseReactions(filter, page: .init(limit: limit, offset: skip), fold: $0.parser.fold) }
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

    /// The last index run as ISO 8601, read and formatted once per write of the file: a
    /// formatter costs more to make than a search page.
    func stamp(written: Date?, read: () -> Date?) -> String? {
        lock.withLock {
            if let stamped, stamped.written == written { return stamped.text }
            let text = read().map { ISO8601DateFormatter().string(from: $0) }
            stamped = (written, text)
            return text
        }
    }
}
