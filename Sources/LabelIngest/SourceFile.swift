import Crypto
import DrugLabel

/// A document's bytes as read for the index, hashed only where the run must decide by hash.
///
/// A file the index already holds is hashed here, to compare with the hash indexed for it;
/// unchanged, it is not parsed. A file the index does not hold (every file of a new or rebuilt
/// index) is not hashed here at all: the parser hashes it, once, for `source.sha256`, which is
/// what the index keeps. Only a changed file is still hashed twice, here and by the parser:
/// `LabelParser` offers no parse that takes a hash already made.
struct SourceFile: Sendable {
    var path: String
    var bytes: [UInt8]

    /// Reads the file. `LabelFile` refuses anything but a regular file, checked again at
    /// opening: a file replaced by a FIFO since the walk is not opened.
    init(path: String) throws {
        self.path = path
        bytes = try LabelFile.read(path)
    }

    /// The SHA-256 of the bytes, as the parser writes it in `source.sha256`.
    var sha256: String { Hex.string(SHA256.hash(data: bytes)) }
}
