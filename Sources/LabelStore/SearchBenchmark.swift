import DrugLabel
import Foundation
import GRDB

/// `druglabel bench search`: a synthetic corpus made by deterministic variation of the bundled
/// documents (drug names, numbers), indexed with parsing included, then fixed query sets timed,
/// and the same queries against a plain FTS5 trigram index of the same text for reference.
public struct SearchBenchmark {
    public struct QuerySet: Sendable {
        public var name: String
        public var queries: [String]
        public var section: String?
    }

    public static let querySets: [QuerySet] = [
        QuerySet(name: "two-character", queries: ["发热", "禁忌", "妊娠", "头痛", "恶心", "贫血", "缺氧", "皮疹"]),
        QuerySet(name: "four-character", queries: ["托珠单抗", "细胞因子", "神经毒性", "淋巴细胞", "血小板计", "过敏反应"]),
        QuerySet(name: "Latin", queries: ["CRS", "CAR-T", "CD19", "mg/m2", "ICANS", "LBCL"]),
        QuerySet(name: "filtered", queries: ["托珠单抗", "妊娠", "发热"], section: "warnings_and_cautions"),
    ]

    public let corpus: [(name: String, text: String)]
    public let directory: URL

    public init(corpus: [(name: String, text: String)], directory: URL) {
        self.corpus = corpus
        self.directory = directory
    }

    /// Writes `count` documents: the bundled ones in turn, each with its drug names replaced by
    /// made-up ones and its numbers shifted, so that no two are alike.
    public func generate(count: Int) throws -> (files: [String], bytes: Int) {
        let docs = directory.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let syllables = Array("安贝卡达艾芬格海伊杰凯利美诺欧帕奇瑞斯泰优维希亚泽")
        var files: [String] = []
        var bytes = 0
        for i in 0..<count {
            let base = corpus[i % corpus.count]
            let a = syllables[i % syllables.count], b = syllables[(i / syllables.count) % syllables.count]
            let c = syllables[(i / (syllables.count * syllables.count)) % syllables.count]
            var text = base.text
            for name in ["阿基仑赛", "泽沃基奥仑赛", "奕凯达", "赛恺泽"] {
                text = text.replacingOccurrences(of: name, with: "\(a)\(b)\(c)仑赛")
            }
            // Numbers shift a little, so that tables and doses differ from copy to copy.
            text = text.replacingOccurrences(of: "第 5、4 和 3 天", with: "第 \(5 + i % 3)、4 和 3 天")
            text += "\n文档编号：\(i)\n"
            let url = docs.appendingPathComponent(String(format: "%06d-%@.txt", i, base.name))
            try Data(text.utf8).write(to: url)
            bytes += text.utf8.count
            files.append(url.path)
        }
        return (files, bytes)
    }

    /// Latency percentiles of running each query of a set `rounds` times.
    public static func percentiles(_ samples: [Double]) -> (p50: Double, p95: Double, p99: Double) {
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        return (at(0.5), at(0.95), at(0.99))
    }

    /// The reference index, its build time and size.
    public struct Reference: Sendable {
        public var seconds: Double
        public var bytes: Int
        public let db: DatabaseQueue
    }

    /// A reference index an earlier run built.
    public static func openTrigram(at path: String) throws -> Reference {
        Reference(seconds: 0, bytes: 0, db: try DatabaseQueue(path: path))
    }

    /// The reference: an FTS5 trigram index of the same section texts, its build time and size.
    public static func buildTrigram(from store: LabelStore, at path: String) throws -> Reference {
        try? FileManager.default.removeItem(atPath: path)
        let queue = try DatabaseQueue(path: path)
        let start = Date()
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE ref USING fts5(text, tokenize = 'trigram')")
        }
        let texts: [String] = try store.pool.read { db in
            var reader = ParagraphReader(storePath: store.path)
            return try Int64.fetchAll(db, sql: "SELECT id FROM sections ORDER BY id").map { id in
                try reader.paragraphs(section: id, db: db).map(\.text).joined(separator: "\n")
            }
        }
        try queue.write { db in
            for t in texts { try db.execute(sql: "INSERT INTO ref (text) VALUES (?)", arguments: [t]) }
        }
        let seconds = Date().timeIntervalSince(start)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return Reference(seconds: seconds, bytes: bytes, db: queue)
    }

    /// Hits of a query in the trigram reference, and its latency.
    public static func trigramQuery(_ db: DatabaseQueue, _ query: String) throws -> (hits: Int, seconds: Double) {
        let start = Date()
        let phrase = "\"" + query.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let n = try db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ref WHERE ref MATCH ?", arguments: [phrase]) ?? 0 }
        return (n, Date().timeIntervalSince(start))
    }

    /// Sections of the index that match a query.
    public static func sectionHits(_ store: LabelStore, _ query: String, fold: TextFold) throws -> Int {
        guard let match = SearchQuery("\"\(query)\"").match(fold: fold) else { return 0 }
        return try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM section_index WHERE section_index MATCH ?", arguments: [match]) ?? 0
        }
    }
}
