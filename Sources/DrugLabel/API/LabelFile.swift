import Foundation

/// Reads a file's bytes, turning the ways that can fail into `InputError`s a user can act on.
public enum LabelFile {
    public static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError.notFound
        }
        if isDirectory.boolValue { throw InputError.isDirectory }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError.unreadable("permission denied or not a regular file")
        }
        defer { try? handle.close() }
        do {
            return Array(try handle.readToEnd() ?? Data())
        } catch {
            throw InputError.unreadable(error.localizedDescription)
        }
    }
}
