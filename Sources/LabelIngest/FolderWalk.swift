import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The documents a path names for `index`: itself when it is a file, or the documents
/// (`.txt`, `.md`, `.text`, `.pdf`, `.docx`, `.html`, `.htm`, `.xhtml`) below a folder, sorted. Only regular files are taken: a FIFO,
/// socket or device is skipped with its reason and never opened (opening a FIFO waits for a
/// writer forever). A symbolic link below the folder is followed only while it stays inside
/// the folder (`docs/passwd.txt -> /etc/passwd` is skipped, and said so), and a folder reached
/// twice (a link loop) is walked once. Names starting with a dot are left out; a folder is
/// walked whatever its name (`sub.txt/`).
public struct FolderWalk: Sendable {
    public struct Skipped: Sendable, Hashable {
        public var path: String
        public var reason: String
    }

    public private(set) var files: [String] = []
    public private(set) var skipped: [Skipped] = []

    static let extensions: Set<String> = ["txt", "md", "text", "pdf", "docx", "html", "htm", "xhtml"]

    public init(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Not there, or a dangling link: the read reports why, as for any named file.
            files = [path]
            return
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            if info.st_mode & S_IFMT == S_IFREG {
                files = [path]
            } else {
                skipped = [Skipped(path: path, reason: "not a regular file (\(FolderWalk.typeName(info.st_mode)))")]
            }
            return
        }
        let base = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let root = FolderWalk.realPath(base) ?? base
        var seen: Set<[UInt64]> = [[UInt64(info.st_dev), UInt64(info.st_ino)]]
        walk(base, root: root, shown: base, seen: &seen)
        files.sort()
        skipped.sort { $0.path < $1.path }
    }

    private mutating func walk(_ folder: String, root: String, shown: String, seen: inout Set<[UInt64]>) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            skipped.append(Skipped(path: folder, reason: "cannot be listed (\((error as NSError).localizedDescription))"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var link = stat()
            guard lstat(path, &link) == 0 else { continue }
            var info = link
            if link.st_mode & S_IFMT == S_IFLNK {
                guard let target = FolderWalk.realPath(path) else {
                    if FolderWalk.isText(name) { skipped.append(Skipped(path: path, reason: "symlink leads nowhere (\(String(cString: strerror(errno))))")) }
                    continue
                }
                guard target == root || target.hasPrefix(root == "/" ? "/" : root + "/") else {
                    skipped.append(Skipped(path: path, reason: "symlink leads outside \(shown)"))
                    continue
                }
                guard stat(path, &info) == 0 else { continue }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                guard seen.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else {
                    skipped.append(Skipped(path: path, reason: "folder already walked (a symlink loop)"))
                    continue
                }
                walk(path, root: root, shown: shown, seen: &seen)
            case S_IFREG:
                if FolderWalk.isText(name) { files.append(path) }
            default:
                if FolderWalk.isText(name) {
                    skipped.append(Skipped(path: path, reason: "not a regular file (\(FolderWalk.typeName(info.st_mode)))"))
                }
            }
        }
    }

    static func isText(_ name: String) -> Bool {
        extensions.contains((name as NSString).pathExtension.lowercased())
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func typeName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFDIR: return "a folder"
        default: return "not a file"
        }
    }
}
