import ArgumentParser
import DrugLabel
import Foundation

struct BenchPipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Measure each pipeline stage (MB/s) over the corpus repeated to a target size, and peak memory.",
        discussion: "Build in release mode first (swift build -c release): debug builds are many times slower."
    )

    @Option(help: "The folder of documents to repeat.")
    var corpus = "Corpus"

    @Option(help: "Megabytes to push through each stage.")
    var megabytes: Double = 50

    func run() throws {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: corpus).filter { !$0.hasPrefix(".") }.sorted()
        let docs = try names.map { (name: $0, bytes: try LabelFile.read(corpus + "/" + $0)) }
        let total = docs.reduce(0) { $0 + $1.bytes.count }
        Console.out("corpus: \(docs.count) documents, \(total) bytes, repeated to \(Int(megabytes)) MB per stage, best of 3 rounds\n")
        let parser = try LabelParser()
        let bench = Benchmark(documents: docs, targetMegabytes: megabytes)
        var rows: [[String]] = []
        for figure in try bench.run(parser: parser) + bench.run(parser: parser, labelsOnly: true) {
            rows.append([figure.stage, String(format: "%.1f", figure.megabytes), String(format: "%.2f", figure.seconds),
                         String(format: "%.1f", figure.megabytesPerSecond)])
        }
        Console.out(Columns.render(header: ["STAGE", "MB", "SECONDS", "MB/S"], rows: rows))
        Console.out(String(format: "peak resident memory: %.0f MB\n", Benchmark.peakResidentMegabytes()))
    }
}
