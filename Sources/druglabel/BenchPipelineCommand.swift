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
        let folder = try CorpusFolder(corpus)
        let docs = folder.documents
        guard !docs.isEmpty else {
            Console.error("\(corpus): no document could be read")
            throw ExitCode(1)
        }
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
        try crosscheck(docs: docs, parser: parser)
        Console.out(String(format: "peak resident memory: %.0f MB\n", Benchmark.peakResidentMegabytes()))
        if folder.failed > 0 { throw ExitCode(1) }
    }

    @Option(help: "Kilobytes of repeated quoted headings for the crosscheck case, at this size and five times it.")
    var crosscheckKilobytes = 70

    /// crosscheck on its worst input: the corpus label's own 【】 headings repeated, each a
    /// quoted section, at two sizes. Near-linear means MB/s holds as the size grows.
    private func crosscheck(docs: [(name: String, bytes: [UInt8])], parser: LabelParser) throws {
        guard let labelDoc = try docs.lazy.map({ try parser.parseDocument(bytes: $0.bytes, path: $0.name) }).first(where: { $0.label.kind == .label }) else {
            Console.out("crosscheck: no label in the corpus; skipped\n")
            return
        }
        let headings = labelDoc.label.sections.map { "【\($0.heading)】\n" }.joined()
        guard !headings.isEmpty else { return }
        let checker = try CrossChecker(catalogue: parser.catalogue)
        var rows: [[String]] = []
        for kilobytes in [crosscheckKilobytes, crosscheckKilobytes * 5] {
            var text = ""
            while text.utf8.count < kilobytes * 1000 { text += headings }
            let start = DispatchTime.now().uptimeNanoseconds
            let quoting = try parser.parseDocument(bytes: Array(text.utf8), path: "quoted-headings.txt")
            let report = checker.check(quoting, against: labelDoc)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let megabytes = Double(text.utf8.count) / 1_000_000
            rows.append(["crosscheck (quoted headings)", String(format: "%.2f", megabytes), String(format: "%.2f", seconds),
                         String(format: "%.2f", megabytes / seconds), String(report.comparisons.count)])
        }
        Console.out(Columns.render(header: ["CASE", "MB", "SECONDS", "MB/S", "COMPARED"], rows: rows))
    }
}
