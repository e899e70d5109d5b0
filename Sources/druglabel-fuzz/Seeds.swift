import ArgumentParser
import DrugLabel
import Foundation

/// The documents mutations start from, each parsed once so that the comparisons have a
/// counterpart, and the pieces of them an input is made of.
struct Seeds {
    struct Document {
        var bytes: [UInt8]
        var parsed: ParsedDocument?
    }
    let documents: [Document]

    init(paths: [String]) throws {
        let parser = try LabelParser()
        let files = paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
            // The files of the folder; a folder inside it is a seed path of its own if wanted.
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }.filter { file in
                var inner: ObjCBool = false
                return FileManager.default.fileExists(atPath: file, isDirectory: &inner) && !inner.boolValue
            }
        }
        documents = try files.map { file in
            let bytes = try LabelFile.read(file)
            return Document(bytes: bytes, parsed: try? parser.parseDocument(bytes: bytes, path: file))
        }
        guard !documents.isEmpty else { throw ValidationError("no seed documents in \(paths.joined(separator: ", "))") }
    }

    /// Mostly a few lines to a few kilobytes from a line start (small inputs run fast and most
    /// traps are local), sometimes the whole document (what only a whole label has: the
    /// preamble, many sections, cross-section tables).
    func piece(of bytes: [UInt8], using rng: inout SplitMix) -> [UInt8] {
        guard !bytes.isEmpty, Int.random(in: 0..<10, using: &rng) > 0 else { return bytes }
        var start = Int.random(in: 0..<bytes.count, using: &rng)
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        let length = [64, 512, 2048, 8192].randomElement(using: &rng)!
        let end = min(bytes.count, start + Int.random(in: 1...length, using: &rng))
        return Array(bytes[start..<end])
    }
}
