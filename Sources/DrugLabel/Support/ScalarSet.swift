/// A handful of code points to test membership against on hot paths. A linear scan of a few
/// integers beats hashing a scalar into a `Set` (perf showed Hasher at 4% of a parse).
struct ScalarSet: Sendable {
    private let values: [UInt32]

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        values = Array(Set(scalars.map(\.value))).sorted()
    }

    init(_ string: String) { self.init(string.unicodeScalars) }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        for x in values where x == v { return true }
        return false
    }
}
