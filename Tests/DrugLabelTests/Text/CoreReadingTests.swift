import DrugLabel
import Foundation
import TestSupport
import Testing

/// Only regular files are read, and a file that cannot be read says why in the words of its
/// cause; DEL and other C0 bytes read the same in every encoding.
@Suite("Reading files")
struct CoreReadingTests {
    @Test("a FIFO is refused at once, never waited on")
    func fifo() throws {
        let dir = try TestSupport.scratch()
        let fifo = dir.appendingPathComponent("x.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let start = Date()
        #expect(throws: InputError.notRegular("a FIFO (named pipe)")) { try LabelFile.read(fifo) }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(InputError.notRegular("a FIFO (named pipe)").description.contains("not a regular file"))
    }

    @Test("a character device is refused, not read forever")
    func device() throws {
        #expect(throws: InputError.notRegular("a character device")) { try LabelFile.read("/dev/zero") }
    }

    @Test("a symlink loop, a name too long and a file used as a folder name their cause")
    func causes() throws {
        let dir = try TestSupport.scratch()
        let a = dir.appendingPathComponent("a.txt").path, b = dir.appendingPathComponent("b.txt").path
        #expect(symlink(b, a) == 0 && symlink(a, b) == 0)
        #expect(throws: InputError.symlinkLoop) { try LabelFile.read(a) }
        #expect(InputError.symlinkLoop.description.contains("too many levels of symbolic links (a symlink loop)"))
        let long = dir.appendingPathComponent(String(repeating: "长", count: 200) + ".txt").path
        #expect(throws: InputError.nameTooLong) { try LabelFile.read(long) }
        #expect(InputError.nameTooLong.description.hasPrefix("file name too long"))
        let file = dir.appendingPathComponent("plain.txt")
        try Data("text\n".utf8).write(to: file)
        #expect(throws: InputError.notADirectoryInPath) { try LabelFile.read(file.path + "/label.txt") }
        #expect(throws: InputError.notFound) { try LabelFile.read(dir.appendingPathComponent("nope.txt").path) }
        #expect(throws: InputError.isDirectory) { try LabelFile.read(dir.path) }
    }

    @Test("a file without read permission says so", .enabled(if: getuid() != 0, "root reads every file"))
    func permission() throws {
        let dir = try TestSupport.scratch()
        let file = dir.appendingPathComponent("secret.txt")
        try Data("【禁忌】\n尚不明确。\n".utf8).write(to: file)
        #expect(chmod(file.path, 0) == 0)
        defer { chmod(file.path, 0o644) }
        #expect(throws: InputError.permissionDenied) { try LabelFile.read(file.path) }
        #expect(InputError.permissionDenied.description.hasPrefix("permission denied"))
    }

    @Test("a regular file is read whole, through a symlink too")
    func regular() throws {
        let dir = try TestSupport.scratch()
        let bytes = [UInt8]((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let file = dir.appendingPathComponent("big.bin")
        try Data(bytes).write(to: file)
        let link = dir.appendingPathComponent("link.bin")
        #expect(symlink(file.path, link.path) == 0)
        #expect(try LabelFile.read(link.path) == bytes)
    }

    static let charsets: [(name: String, charset: String, bom: [UInt8])] = [
        ("UTF-16LE", "UTF-16LE", [0xFF, 0xFE]),
        ("UTF-16BE", "UTF-16BE", [0xFE, 0xFF]),
        ("GB18030", "GB18030", []),
    ]

    @Test("DEL and other control bytes read as they do in UTF-8", arguments: charsets.map(\.name))
    func controlBytes(_ name: String) throws {
        let v = Self.charsets.first { $0.name == name }!
        // The seed label with a DEL at the end of every fifth line and a vertical tab in every
        // seventh: far more than the 1 % of junk the decoder refuses elsewhere.
        let lines = String(decoding: try TestSupport.bytes(TestSupport.labelName), as: UTF8.self).components(separatedBy: "\n")
        let marked = lines.enumerated().map { i, line in
            i % 5 == 0 ? line + "\u{7F}" : i % 7 == 0 ? line + "\u{0B}" : line
        }.joined(separator: "\n")
        let parser = try LabelParser()
        let utf8 = try parser.parse(bytes: Array(marked.utf8), path: "label.txt")
        let copy = try parser.parse(bytes: v.bom + TextEncoding.encode(marked, as: v.charset), path: "label.txt")
        #expect(copy.source.encoding.hasPrefix(v.charset))
        #expect(copy.kind == .label && copy.sections.count == utf8.sections.count && copy.sections.count > 20)
        #expect(copy.sections == utf8.sections)
        #expect(copy.doses == utf8.doses)
    }
}
