import LabelStore

/// The indexed documents under the ids the API gives them: the file name without its
/// extension (`axicabtagene-ciloleucel-label-2024`), which a person can read and a URL can
/// carry, and which does not show where the server keeps its files. Names that two folders
/// share get `-2`, `-3`… in path order.
struct LabelCatalog: Sendable {
    struct Entry: Sendable {
        var id: String
        var summary: DocumentSummary
    }

    let entries: [Entry]
    private let byID: [String: Entry]
    private let idByPath: [String: String]

    init(_ summaries: [DocumentSummary]) {
        var used: [String: Int] = [:]
        var entries: [Entry] = []
        for summary in summaries.sorted(by: { $0.path < $1.path }) {
            let base = LabelCatalog.baseID(summary.path)
            let n = (used[base] ?? 0) + 1
            used[base] = n
            entries.append(Entry(id: n == 1 ? base : "\(base)-\(n)", summary: summary))
        }
        self.entries = entries.sorted { $0.id < $1.id }
        byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        idByPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.summary.path, $0.id) })
    }

    subscript(id: String) -> Entry? { byID[id] }

    func id(forPath path: String) -> String { idByPath[path] ?? LabelCatalog.baseID(path) }

    /// The last path component without its extension, with characters a URL path or a
    /// shell would trip on replaced by `-`.
    static func baseID(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        let cleaned = String(stem.map { c in c.isWhitespace || "/?#%&\\\"'<>".contains(c) ? "-" : c })
        return cleaned.isEmpty ? "label" : cleaned
    }
}
