/// A handful of code points to test membership against on hot paths, often at every scalar of
/// a paragraph (sentence ends, brackets). A linear scan of a few integers beats hashing a scalar
/// into a `Set` (perf showed Hasher at 4% of a parse), and a bit per scalar value modulo 1024
/// rules out nearly every Han character with one load, before the short list is scanned.
struct ScalarSet: Sendable {
    private let values: [UInt32]
    private let bits: [UInt64]

    init(_ string: String) { self.init(string.unicodeScalars) }

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        values = Array(Set(scalars.map(\.value))).sorted()
        var bits = [UInt64](repeating: 0, count: 16)
        for v in values { bits[Int(v >> 6 & 15)] |= 1 << UInt64(v & 63) }
        self.bits = bits
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard bits[Int(v >> 6 & 15)] & (1 << UInt64(v & 63)) != 0 else { return false }
        for x in values where x == v { return true }
        return false
    }
}
