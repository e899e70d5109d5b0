import Crypto
import Dispatch

/// A file's SHA-256 in hex, taken on a thread of its own when asked to be (`aside`), so that
/// the caller decodes the file meanwhile; `wait` gives it once it is done.
final class Digest: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once before `group` is left, read only after it was waited for.
    private var hex = ""

    private init() {}

    static func given(_ hex: String) -> Digest {
        let digest = Digest()
        digest.hex = hex
        return digest
    }

    convenience init(of bytes: [UInt8], aside: Bool) {
        self.init()
        guard aside else {
            hex = Hex.string(SHA256.hash(data: bytes))
            return
        }
        group.enter()
        DispatchQueue.global().async { [self] in
            hex = Hex.string(SHA256.hash(data: bytes))
            group.leave()
        }
    }

    @discardableResult
    func wait() -> String {
        group.wait()
        return hex
    }
}
