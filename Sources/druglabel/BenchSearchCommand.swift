import ArgumentParser
import DrugLabel
import Foundation
import LabelBench
import LabelIngest
import LabelStore

struct BenchSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Index a synthetic corpus of labels and time fixed query sets, against an FTS5 trigram reference."
    )

    @Option(help: "How many documents to make.")
    var labels = 10_000

    @Option(help: "A folder of documents to vary, read in any encoding `index` reads; repeat it for several (default: Corpus).")
    var corpus: [String] = ["Corpus"]

    @Option(help: "How many times each query runs.")
    var rounds = 5

    @Option(help: "Keep the synthetic corpus and the index in this folder (for profiling `druglabel index` on it); by default they go to a temporary folder that is removed.")
    var workDir: String?

    @Flag(help: "With --work-dir: query the corpus and indexes an earlier run left there instead of building them again.")
    var reuse = false

    @Flag(help: "Also print each query's median latency.")
    var perQuery = false

    func validate() throws {
        if reuse && workDir == nil { throw ValidationError("--reuse needs --work-dir") }
    }

    func run() throws {
        let fm = FileManager.default
        // Decoded as `index` decodes them (labels come in GBK and UTF-16 too); the copies are UTF-8.
        // A file that cannot be read or decoded is named and left out, as `index` leaves it.
        var sources: [(name: String, text: String)] = []
        var failed = 0
        for folder in corpus {
            let read = try CorpusFolder(folder, suffix: ".txt")
            failed += read.failed
            sources += try read.documents.map { (String($0.name.dropLast(4)), try TextDecoder().decode($0.bytes).text) }
        }
        guard !sources.isEmpty else { throw ValidationError("no .txt documents in \(corpus.joined(separator: ", "))") }
        let dir = workDir.map { URL(fileURLWithPath: $0) }
            ?? fm.temporaryDirectory.appendingPathComponent("druglabel-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { if workDir == nil { try? fm.removeItem(at: dir) } }
        let dbPath = dir.appendingPathComponent("index.sqlite").path
        let trigramPath = dir.appendingPathComponent("trigram.sqlite").path
        let filesTrigramPath = dir.appendingPathComponent("trigram-files.sqlite").path
        let store: LabelStore
        let reference: TrigramReference
        var start = Date()
        if reuse {
            store = try LabelStore(path: dbPath)
            reference = try TrigramReference.open(at: trigramPath)
            Console.out("reusing the corpus and indexes in \(dir.path)\n")
        } else {
            // Only what an earlier run wrote there is replaced, never the rest of a folder.
            for name in ["docs", "index.sqlite", "index.sqlite-wal", "index.sqlite-shm", "trigram.sqlite", "trigram-files.sqlite"] {
                try? fm.removeItem(at: dir.appendingPathComponent(name))
            }
            let bench = SearchBenchmark(corpus: sources, directory: dir)
            let (files, bytes) = try bench.generate(count: labels)
            let mb = Double(bytes) / 1_048_576
            Console.out(String(format: "corpus: %d documents, %.1f MB of text\n", files.count, mb))
            // The corpus just written may still be on its way to disk: flushed first, so that the
            // index's own syncs do not wait for it and the timing is the index's alone.
            sync()

            // Timed as `druglabel index` runs on a new index: built aside, then packed and put in place.
            start = Date()
            let build = try IndexBuild(path: dbPath, rebuild: true)
            let summary = try Indexer(build: build, makeParser: { try LabelParser() }).run([dir.appendingPathComponent("docs").path]) { _ in }
            store = try build.publish()
            let indexSeconds = Date().timeIntervalSince(start)
            let dbBytes = ["", "-wal"].reduce(0) { $0 + ((try? fm.attributesOfItem(atPath: dbPath + $1)[.size] as? Int) ?? 0) }
            Console.out(String(format: "index (parsing included): %.1f s, %.1f MB/s, %d failed; database %.1f MB = %.2f× the text\n",
                               indexSeconds, mb / indexSeconds, summary.failed.count, Double(dbBytes) / 1_048_576, Double(dbBytes) / Double(bytes)))

            // What `index` is measured against: the files' text in an FTS5 trigram index, one
            // transaction, no parsing (issue 15). Only its build is timed; it is not queried.
            let plain = try TrigramReference.build(files: files, at: filesTrigramPath)
            Console.out(String(format: "reference FTS5 trigram index of the files' text, one transaction: %.1f s (%.1f MB/s, no parsing), %.1f MB; index %.2f× its speed\n",
                               plain.seconds, mb / plain.seconds, Double(plain.bytes) / 1_048_576, plain.seconds / indexSeconds))
            reference = try TrigramReference.build(sectionsOf: store, at: trigramPath)
            Console.out(String(format: "reference FTS5 trigram index of the same sections: %.1f s (%.1f MB/s, no parsing), %.1f MB\n",
                               reference.seconds, mb / reference.seconds, Double(reference.bytes) / 1_048_576))
        }

        let fold = try TextFold.checked()
        Console.out("SET             QUERIES  P50 ms  P95 ms  P99 ms      HITS (sections)  TRIGRAM HITS  TRIGRAM P95 ms\n")
        for set in QuerySet.standard {
            var samples: [Double] = [], refSamples: [Double] = []
            var hits = 0, refHits = 0
            var medians: [String] = []
            for q in set.queries {
                var own: [Double] = []
                for _ in 0..<rounds {
                    start = Date()
                    _ = try store.search(SearchQuery(q), filters: .init(section: set.section, limit: 20), fold: fold)
                    own.append(Date().timeIntervalSince(start) * 1000)
                    let r = try reference.query(q)
                    refSamples.append(r.seconds * 1000)
                }
                samples += own
                medians.append(String(format: "%@ %.1f", q, Percentiles(own).p50))
                hits += try store.sectionMatches(SearchQuery("\"\(q)\""), fold: fold)
                refHits += try reference.query(q).hits
            }
            let p = Percentiles(samples), r = Percentiles(refSamples)
            Console.out(set.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "%7d  %6.1f  %6.1f  %6.1f  %17d  %12@  %14.1f\n", set.queries.count, p.p50, p.p95, p.p99, hits,
                         (set.section == nil ? String(refHits) : "-") as NSString, r.p95))
            if perQuery { Console.out("    median ms: " + medians.joined(separator: ", ") + "\n") }
        }
        // The structured set as a page is shown (the first 100 rows and the total), and as a
        // whole answer (every row decoded), which grows with the corpus.
        for (name, page) in [("structured", LabelStore.Page(limit: 100)), ("structured, all", LabelStore.Page.all)] {
            var doseSamples: [Double] = [], feverSamples: [Double] = []
            var rows = 0
            for _ in 0..<rounds {
                start = Date()
                let doses = try store.doses(drug: "托珠单抗", unit: nil, per: nil, page: page, fold: fold)
                doseSamples.append(Date().timeIntervalSince(start) * 1000)
                start = Date()
                let fever = try store.adverseReactions(term: "发热", minAll: 20, minGrade3: nil, page: page, fold: fold)
                feverSamples.append(Date().timeIntervalSince(start) * 1000)
                rows = doses.items.count + fever.items.count
            }
            let s = Percentiles(doseSamples + feverSamples)
            Console.out(name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "%7d  %6.1f  %6.1f  %6.1f  %17@\n", 2, s.p50, s.p95, s.p99, "\(rows) rows" as NSString))
            if perQuery {
                Console.out(String(format: "    median ms: doses 托珠单抗 %.1f, adverse reactions 发热 ≥20%% %.1f\n",
                                   Percentiles(doseSamples).p50, Percentiles(feverSamples).p50))
            }
        }
        // The figures stand for the files that were read; the status says some were not.
        if failed > 0 { throw ExitCode(1) }
    }
}
