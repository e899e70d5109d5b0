/// Latency percentiles of a set of samples (the nearest rank below), as `bench search` prints them.
public struct Percentiles: Sendable {
    public var p50: Double
    public var p95: Double
    public var p99: Double

    public init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        p50 = at(0.5)
        p95 = at(0.95)
        p99 = at(0.99)
    }
}
