import Crypto

/// A file's SHA-256 in hex, taken on a thread of its own when asked to be (`aside`), so that
/// the caller decodes the file meanwhile; `wait` gives it once it is done.
struct Digest: Sendable {
    private let hex: Aside<String>

    private init(_ hex: Aside<String>) {
        self.hex = hex
    }

    static func given(_ hex: String) -> Digest {
        Digest(Aside(ready: hex))
    }

    init(of bytes: [UInt8], aside: Bool) {
        hex = aside ? Aside { Hex.string(SHA256.hash(data: bytes)) } : Aside(ready: Hex.string(SHA256.hash(data: bytes)))
    }

    @discardableResult
    func wait() -> String {
        hex.value
    }
}
