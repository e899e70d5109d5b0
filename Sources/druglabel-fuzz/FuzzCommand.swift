import ArgumentParser
import DrugLabel
import Foundation

/// A seeded mutation fuzzer over the whole parse, run in release mode for a fixed time.
///
/// Not libFuzzer: `-sanitize=fuzzer` needs a second instrumented build of the library, which
/// would cost CI more minutes than the fuzzing itself; mutating real documents with the tokens
/// the stages key on finds the same class of trap (an index or range computed from text) in a
/// binary CI has already built. Every input being run is on disk before it runs, so a crash or
/// hang leaves the input behind, and `--replay` runs saved inputs one by one.
@main
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "druglabel-fuzz",
        abstract: "Parses mutated copies of the corpus until the time is up; fails on a crash or a hang.")

    @Option(help: "How long to run, in seconds.")
    var seconds: Double = 180

    @Option(help: "The generator's seed (printed, so a run can be repeated); the clock's by default.")
    var seed: UInt64?

    @Option(help: "Inputs run at once; one per core by default.")
    var workers: Int?

    @Option(help: "Seconds one input may take before the run counts it as a hang.")
    var timeout: Double = 20

    @Option(help: "Where the inputs being run, and any that hang, are kept.")
    var out: String = "/tmp/druglabel-fuzz"

    @Option(parsing: .upToNextOption, help: "Seed documents or folders of them.")
    var corpus: [String] = ["Corpus"]

    @Option(parsing: .upToNextOption, help: "Run these saved inputs once each instead of fuzzing.")
    var replay: [String] = []

    func validate() throws {
        guard seconds > 0, timeout > 0 else { throw ValidationError("--seconds and --timeout must be positive") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
    }

    func run() throws {
        // The PDF reader holds back stderr while poppler renders (its font complaints would
        // flood it); a crash on another worker in that window would lose its message. Here
        // every message must reach the log: poppler's lines are counted by .ci/run instead.
        setenv("DRUGLABEL_POPPLER_MESSAGES", "1", 1)
        if !replay.isEmpty { return try runReplay() }
        let seeds = try Seeds(paths: corpus)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let seed = self.seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
        let count = workers ?? ProcessInfo.processInfo.activeProcessorCount
        print("druglabel-fuzz: seed \(seed), \(count) worker(s), \(seeds.documents.count) seed document(s), \(Int(seconds)) s; inputs being run are kept as \(out)/current-N.bin")
        let out = self.out
        let watchdog = Watchdog(limit: timeout) { worker in
            let hang = "\(out)/hang-\(worker).bin"
            try? FileManager.default.removeItem(atPath: hang)
            try? FileManager.default.copyItem(atPath: "\(out)/current-\(worker).bin", toPath: hang)
            FileHandle.standardError.write(Data("druglabel-fuzz: an input took over \(Int(self.timeout)) s; it is saved as \(hang)\n".utf8))
            Foundation.exit(3)
        }
        let tally = Tally()
        let deadline = Date().addingTimeInterval(seconds)
        let failure = Tally.Failure()
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            do {
                var rng = SplitMix(seed: seed &+ UInt64(worker) &* 0x1000_0000_0000_0001)
                let exercise = try Exercise()
                let mutator = Mutator(seeds: seeds.documents.map(\.bytes))
                let current = URL(fileURLWithPath: "\(out)/current-\(worker).bin")
                while Date() < deadline {
                    let original = seeds.documents.randomElement(using: &rng)!
                    let input = mutator.mutate(seeds.piece(of: original.bytes, using: &rng), using: &rng)
                    try Data(input).write(to: current)
                    watchdog.begin(worker)
                    let compare = Int.random(in: 0..<8, using: &rng) == 0
                    let parsed = exercise.run(input, against: compare ? original.parsed : nil)
                    watchdog.end(worker)
                    tally.add(parsed: parsed, bytes: input.count)
                }
            } catch {
                failure.set("\(error)")
            }
        }
        if let message = failure.message { throw ValidationError("cannot fuzz: \(message)") }
        let t = tally.snapshot()
        print("druglabel-fuzz: \(t.runs) inputs (\(t.parsed) parsed, \(t.runs - t.parsed) refused as a document's error), \(String(format: "%.1f", Double(t.bytes) / 1_048_576)) MB, \(Int(Double(t.runs) / seconds)) inputs/s; no crash, no hang")
    }

    private func runReplay() throws {
        let exercise = try Exercise()
        for path in replay {
            let bytes = try LabelFile.read(path)
            print("\(path): running \(bytes.count) bytes …")
            let started = Date()
            let parsed = exercise.run(bytes, against: nil)
            print("\(path): \(parsed ? "parsed" : "refused") in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        }
    }
}
