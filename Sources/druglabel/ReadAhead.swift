import DrugLabel
import Foundation

/// A file read on another thread while the caller does something else: `parse` reads its first
/// file while the rules load, and each next file while the one before is parsed. Both are
/// serial stretches that do not need each other (a 50 MB file takes some 50 ms to read, the
/// rules as long to load). Only a large file is read aside: waking a thread for each small
/// one costs more than reading it (as freeing small labels aside did, 4% of a labels-dev run).
struct ReadAhead {
    static let bytesToReadAside = 1 << 20

    private let path: String
    private let read: Aside<Result<[UInt8], any Error>>?

    init(_ path: String) {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= ReadAhead.bytesToReadAside else {
            read = nil
            return
        }
        read = Aside { Result { try LabelFile.read(path) } }
    }

    /// The bytes, or the error reading them gave (`InputError`, as `LabelFile.read` throws).
    func bytes() throws -> [UInt8] {
        try read?.value.get() ?? LabelFile.read(path)
    }
}
