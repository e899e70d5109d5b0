/// A set key made of bytes, hashed once with FNV-1a: Swift's String hashing normalizes the text
/// and [UInt8] hashing feeds the hasher a byte at a time, and both showed in profiles of forms.
struct ByteKey: Hashable {
    let bytes: [UInt8]
    private let digest: UInt64

    init(_ parts: String...) {
        var bytes: [UInt8] = []
        for (k, part) in parts.enumerated() {
            if k > 0 { bytes.append(0) }
            bytes.append(contentsOf: part.utf8)
        }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        self.bytes = bytes
        digest = h
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    static func == (a: ByteKey, b: ByteKey) -> Bool { a.digest == b.digest && a.bytes == b.bytes }
}
