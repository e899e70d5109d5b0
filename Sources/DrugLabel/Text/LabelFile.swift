#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a file's bytes, turning the ways that can fail into `InputError`s a user can act on.
///
/// Only regular files are read. A FIFO would block the reader until some writer came (forever,
/// for a file that only looks like a label), a device may never end: both are refused from
/// `stat` before they are opened, and opened with `O_NONBLOCK` and checked again with `fstat`, in
/// case the path was swapped in between.
public enum LabelFile {
    public static func read(_ path: String) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw error(errno) }
        try check(info.st_mode)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw error(errno) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw error(errno) }
        try check(info.st_mode)
        // Straight into the array at the size fstat gives (one byte more, to see the end): a
        // zeroed 1 MB chunk per file was 2.5% of indexing many small files. A file that grows
        // meanwhile is read on in chunks.
        let expected = max(0, Int(info.st_size)) + 1
        var bytes = try [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < expected {
                let n = systemRead(fd, buffer.baseAddress! + count, expected - count)
                if n == 0 { return }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw error(errno)
                }
                count += n
            }
        }
        if bytes.count < expected { return bytes }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw error(errno)
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Refuses every kind of file but a regular one, naming its kind.
    static func check(_ mode: mode_t) throws {
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw InputError.isDirectory
        case S_IFIFO: throw InputError.notRegular("a FIFO (named pipe)")
        case S_IFSOCK: throw InputError.notRegular("a socket")
        case S_IFCHR: throw InputError.notRegular("a character device")
        case S_IFBLK: throw InputError.notRegular("a block device")
        default: throw InputError.notRegular("not a regular file")
        }
    }

    /// The errno of a failed `stat`, `open` or `read`, named as its cause.
    static func error(_ code: Int32) -> InputError {
        switch code {
        case ENOENT: return .notFound
        case ELOOP: return .symlinkLoop
        case ENAMETOOLONG: return .nameTooLong
        case EACCES, EPERM: return .permissionDenied
        case ENOTDIR: return .notADirectoryInPath
        case EISDIR: return .isDirectory
        default: return .unreadable(String(cString: strerror(code)))
        }
    }
}
