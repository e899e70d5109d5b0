import Foundation

/// Throughput of each pipeline stage over a corpus repeated to a target size, and the peak
/// resident memory of the process. Figures, not assertions: `druglabel bench` prints them.
public struct Benchmark {
    public struct Figure: Sendable {
        public var stage: String
        public var megabytes: Double
        public var seconds: Double
        public var megabytesPerSecond: Double { megabytes / max(seconds, 1e-9) }
    }

    public var documents: [(name: String, bytes: [UInt8])]
    public var targetMegabytes: Double

    public init(documents: [(name: String, bytes: [UInt8])], targetMegabytes: Double = 50) {
        self.documents = documents
        self.targetMegabytes = targetMegabytes
    }

    public func run(parser: LabelParser, labelsOnly: Bool = false) throws -> [Figure] {
        var docs = documents
        let pipeline = parser.pipeline
        // Decode once to find the labels and to feed the later stages what the parse feeds
        // them (for UTF-8, the file's own bytes).
        var decoded: [DecodedText] = []
        for doc in docs { decoded.append(try pipeline.decoder.decode(doc.bytes)) }
        if labelsOnly {
            let keep = decoded.indices.filter { parser.parse(text: decoded[$0].text, source: dummy).kind == .label }
            docs = keep.map { docs[$0] }
            decoded = keep.map { decoded[$0] }
        }
        guard !docs.isEmpty else { return [] }
        let lines = decoded.map { pipeline.normalizer.normalize($0).lines }
        let suffix = labelsOnly ? " (labels)" : ""
        return [
            try measure("decode" + suffix, docs) { i in _ = try pipeline.decoder.decode(docs[i].bytes) },
            try measure("normalize" + suffix, docs) { i in _ = pipeline.normalizer.normalize(decoded[i]) },
            try measure("headings" + suffix, docs) { i in _ = pipeline.headings.scan(lines[i]) },
            try measure("assemble" + suffix, docs) { i in _ = pipeline.assemble(lines[i], source: dummy, diagnostics: []) },
            try measure("whole parse" + suffix, docs) { i in _ = try parser.parse(bytes: docs[i].bytes, path: docs[i].name) },
        ]
    }

    private var dummy: SourceInfo { SourceInfo(path: "", sha256: "", encoding: "UTF-8", bytes: 0) }

    /// The best of three rounds: on a shared two-core machine the slowest rounds measure the
    /// neighbours, not the code.
    private func measure(_ stage: String, _ docs: [(name: String, bytes: [UInt8])], _ body: (Int) throws -> Void) throws -> Figure {
        var best: Figure?
        for _ in 0..<3 {
            var bytes = 0
            let start = DispatchTime.now().uptimeNanoseconds
            while Double(bytes) < targetMegabytes * 1_000_000 {
                for i in docs.indices {
                    try body(i)
                    bytes += docs[i].bytes.count
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let figure = Figure(stage: stage, megabytes: Double(bytes) / 1_000_000, seconds: seconds)
            if best == nil || figure.megabytesPerSecond > best!.megabytesPerSecond { best = figure }
        }
        return best!
    }

    /// Peak resident set size of this process so far, in megabytes.
    public static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024 // Linux reports kilobytes
    }
}
