import Crypto
import DrugLabel

/// A document's bytes as read for the index, hashed at most once.
///
/// A file the index already holds is hashed here, to compare with the hash indexed for it;
/// unchanged, it is not parsed, and changed, the parser is given that hash. A file the index
/// does not hold (every file of a new or rebuilt index) is not hashed here at all: the parser
/// hashes it, once, for `source.sha256`, which is what the index keeps.
struct SourceFile: Sendable {
    var path: String
    var bytes: [UInt8]
    /// The hash, once `hashed()` has made it.
    private(set) var knownSHA256: String?

    /// Reads the file. `LabelFile` refuses anything but a regular file, checked again at
    /// opening: a file replaced by a FIFO since the walk is not opened.
    init(path: String) throws {
        self.path = path
        bytes = try LabelFile.read(path)
    }

    /// The SHA-256 of the bytes, as the parser writes it in `source.sha256`.
    mutating func hashed() -> String {
        if let knownSHA256 { return knownSHA256 }
        let digest = Hex.string(SHA256.hash(data: bytes))
        knownSHA256 = digest
        return digest
    }
}
