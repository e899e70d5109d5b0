import ArgumentParser
import DrugLabel
import Foundation

struct BenchDocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "Measure reading and parsing PDF, .docx and HTML files: MB/s, pages/s for PDFs, and peak memory.",
        discussion: """
            Each file is read (into text, its lines' origins and its tables) and parsed whole, best of three \
            rounds, each round at least --seconds long. Build in release mode first (swift build -c release).
            """
    )

    @Argument(help: "Files to measure (default: the seed label's PDF, .docx and HTML fixtures).")
    var files: [String] = []

    @Option(help: "The least time a round takes, in seconds (a small file is read again until it has).")
    var seconds: Double = 1

    func run() throws {
        let paths = files.isEmpty ? Self.fixtures : files
        let parser = try LabelParser()
        let reader = DocumentReader()
        var rows: [[String]] = []
        var failed = false
        for path in paths {
            do {
                let bytes = try LabelFile.read(path)
                var pages: Int?
                let read = try best { if case .document(let d) = try reader.read(bytes, path: path) { pages = d.pages } }
                let parse = try best { _ = try parser.parse(bytes: bytes, path: path) }
                let label = try parser.parse(bytes: bytes, path: path)
                let mb = Double(bytes.count) / 1_000_000
                rows.append([label.source.format.rawValue, (path as NSString).lastPathComponent, String(format: "%.2f", mb),
                             pages.map(String.init) ?? "-", String(format: "%.1f", mb / read), String(format: "%.1f", mb / parse),
                             pages.map { String(format: "%.0f", Double($0) / parse) } ?? "-"])
            } catch {
                Console.error("\(path): \(error)")
                failed = true
            }
        }
        Console.out(Columns.render(header: ["FORMAT", "FILE", "MB", "PAGES", "READ MB/S", "PARSE MB/S", "PAGES/S"], rows: rows))
        Console.out(String(format: "peak resident memory: %.0f MB\n", Benchmark.peakResidentMegabytes()))
        if failed { throw ExitCode(1) }
    }

    /// The least seconds one pass takes, over three rounds of at least `seconds` each.
    private func best(_ body: () throws -> Void) throws -> Double {
        var least = Double.infinity
        for _ in 0..<3 {
            var passes = 0
            let start = DispatchTime.now().uptimeNanoseconds
            var elapsed = 0.0
            repeat {
                try body()
                passes += 1
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            } while elapsed < seconds
            least = min(least, elapsed / Double(passes))
        }
        return least
    }

    static let fixtures = ["pdf", "docx", "html"].map { "Tests/DrugLabelTests/Fixtures/documents/axicabtagene-ciloleucel-label-2024.\($0)" }
}
