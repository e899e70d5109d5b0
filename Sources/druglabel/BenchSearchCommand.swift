import ArgumentParser
import DrugLabel
import Foundation
import LabelStore

struct BenchSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Index a synthetic corpus of labels and time fixed query sets, against an FTS5 trigram reference."
    )

    @Option(help: "How many documents to make.")
    var labels = 10_000

    @Option(help: "The bundled documents to vary.")
    var corpus = "Corpus"

    @Option(help: "How many times each query runs.")
    var rounds = 5

    @Option(help: "Keep the synthetic corpus and the index in this folder (for profiling `druglabel index` on it); by default they go to a temporary folder that is removed.")
    var workDir: String?

    func run() throws {
        let fm = FileManager.default
        let sources = try fm.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted().map { name in
            (name: String(name.dropLast(4)), text: try String(contentsOfFile: corpus + "/" + name, encoding: .utf8))
        }
        let dir = workDir.map { URL(fileURLWithPath: $0) }
            ?? fm.temporaryDirectory.appendingPathComponent("druglabel-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { if workDir == nil { try? fm.removeItem(at: dir) } }
        // Only what an earlier run wrote there is replaced, never the rest of a folder.
        for name in ["docs", "index.sqlite", "index.sqlite-wal", "index.sqlite-shm", "trigram.sqlite"] {
            try? fm.removeItem(at: dir.appendingPathComponent(name))
        }
        let bench = SearchBenchmark(corpus: sources, directory: dir)
        let (files, bytes) = try bench.generate(count: labels)
        let mb = Double(bytes) / 1_048_576
        Console.out(String(format: "corpus: %d documents, %.1f MB of text\n", files.count, mb))

        let dbPath = dir.appendingPathComponent("index.sqlite").path
        let store = try LabelStore(path: dbPath)
        var start = Date()
        let summary = try Indexer(store: store, makeParser: { try LabelParser() }).run([dir.appendingPathComponent("docs").path]) { _ in }
        let indexSeconds = Date().timeIntervalSince(start)
        let dbBytes = ["", "-wal"].reduce(0) { $0 + ((try? fm.attributesOfItem(atPath: dbPath + $1)[.size] as? Int) ?? 0) }
        Console.out(String(format: "index (parsing included): %.1f s, %.1f MB/s, %d failed; database %.1f MB = %.2f× the text\n",
                           indexSeconds, mb / indexSeconds, summary.failed.count, Double(dbBytes) / 1_048_576, Double(dbBytes) / Double(bytes)))

        let reference = try SearchBenchmark.buildTrigram(from: store, at: dir.appendingPathComponent("trigram.sqlite").path)
        Console.out(String(format: "reference FTS5 trigram index of the same sections: %.1f s (%.1f MB/s, no parsing), %.1f MB\n",
                           reference.seconds, mb / reference.seconds, Double(reference.bytes) / 1_048_576))

        let folder = try Folder()
        let parser = try LabelParser()
        Console.out("SET             QUERIES  P50 ms  P95 ms  P99 ms      HITS (sections)  TRIGRAM HITS  TRIGRAM P95 ms\n")
        for set in SearchBenchmark.querySets {
            var samples: [Double] = [], refSamples: [Double] = []
            var hits = 0, refHits = 0
            for q in set.queries {
                for _ in 0..<rounds {
                    start = Date()
                    _ = try store.search(SearchQuery(q), filters: .init(section: set.section, limit: 20), folder: folder)
                    samples.append(Date().timeIntervalSince(start) * 1000)
                    let r = try SearchBenchmark.trigramQuery(reference.db, q)
                    refSamples.append(r.seconds * 1000)
                }
                hits += try SearchBenchmark.sectionHits(store, q, folder: folder)
                refHits += try SearchBenchmark.trigramQuery(reference.db, q).hits
            }
            let p = SearchBenchmark.percentiles(samples), r = SearchBenchmark.percentiles(refSamples)
            Console.out(set.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "%7d  %6.1f  %6.1f  %6.1f  %17d  %12@  %14.1f\n", set.queries.count, p.p50, p.p95, p.p99, hits,
                         (set.section == nil ? String(refHits) : "-") as NSString, r.p95))
        }
        var structured: [Double] = []
        for _ in 0..<rounds {
            start = Date()
            _ = try store.doses(drug: "托珠单抗", unit: nil, per: nil, parser: parser)
            _ = try store.adverseReactions(term: "发热", minAll: 20, minGrade3: nil, parser: parser)
            structured.append(Date().timeIntervalSince(start) * 1000 / 2)
        }
        let s = SearchBenchmark.percentiles(structured)
        Console.out("structured".padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%7d  %6.1f  %6.1f  %6.1f\n", 2, s.p50, s.p95, s.p99))
    }
}
