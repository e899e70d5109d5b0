import Foundation
import TestSupport
import Testing

/// The library's folders are layers: a file may name the types of its own folder and of the
/// layers below it, never of a later stage or of a sibling. This reads the sources, so a
/// change that makes the flow turn back fails here, not in a reviewer's reading.
@Suite struct LayeringTests {
    /// Bottom first. Folders on one line are siblings: neither may use the other.
    static let layers: [[String]] = [
        ["Support"],                              // stage-free helpers: folds, widths, numerals, ICU calls
        ["Model"],                                // the document model every stage fills
        ["Text"],                                 // decode and normalize
        ["Reading"],                              // PDF, .docx and web pages into lines, their origins and tables
        ["Headings"],
        ["Classification"],
        ["Sections"],                             // segment
        ["Tables"],
        ["Quantities", "Extraction"],             // extract: doses and quantities; metadata and fields
        ["Assembly"],                             // one assembler per document kind, the pipeline
        ["API"],                                  // what a caller constructs: the parser, its rules, the benchmark
        ["Output", "Comparison", "Validation"],   // what is done with a parsed label
        ["Golden"],                               // the golden-file check of the whole parse and its JSON
    ]

    static let library = TestSupport.repository.appendingPathComponent("Sources/DrugLabel")

    @Test("no file names a type of a later stage or of a sibling")
    func oneDirection() throws {
        let files = try Self.sources()
        let folders = Set(files.map(\.folder))
        let layered = Set(Self.layers.joined())
        #expect(folders.subtracting(layered).isEmpty, "folders not in a layer: \(folders.subtracting(layered).sorted())")
        let rank = Dictionary(uniqueKeysWithValues: Self.layers.enumerated().flatMap { n, group in group.map { ($0, n) } })
        // Each top-level type, by the folder of the file that declares it.
        var home: [String: String] = [:]
        for file in files {
            for name in Self.declaredTypes(file.text) { home[name] = file.folder }
        }
        #expect(home.count > 150, "the scan finds the library's types")
        var violations: [String] = []
        for file in files {
            guard let mine = rank[file.folder] else { continue }
            for word in Set(Self.identifiers(Self.code(file.text))) {
                guard let folder = home[word], folder != file.folder, let theirs = rank[folder] else { continue }
                if theirs >= mine { violations.append("\(file.folder)/\(file.name) names \(word) (\(folder))") }
            }
        }
        #expect(violations.isEmpty, "\(violations.sorted().joined(separator: "\n"))")
    }

    @Test("the scan sees a reference to a later stage")
    func scanCatchesViolations() {
        let text = "struct A {\n    // LabelParser in a comment is no reference\n    let s = \"LabelParser\"\n    let p: LabelParser\n}\n"
        #expect(Self.identifiers(Self.code(text)).filter { $0 == "LabelParser" }.count == 1)
        #expect(Self.declaredTypes("public final class LabelParser {\n    struct Nested {}\n}\nenum E {}\n") == ["LabelParser", "E"])
    }

    struct File { var folder: String; var name: String; var text: String }

    static func sources() throws -> [File] {
        let root = library.path
        let walker = FileManager.default.enumerator(atPath: root)
        var files: [File] = []
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let folder = String(path.split(separator: "/").first ?? "")
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            files.append(File(folder: folder, name: String(path.split(separator: "/").last ?? ""), text: text))
        }
        return files
    }

    /// Types declared at the top level of a file (not nested ones, which travel with their parent).
    static func declaredTypes(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(
            pattern: #"^(?:public |internal |fileprivate |private )?(?:final )?(?:struct|enum|class|protocol|actor|typealias) ([A-Za-z_][A-Za-z0-9_]*)"#,
            options: [.anchorsMatchLines])
        let ns = text as NSString
        return pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// The text without comments and string literals (interpolations included: they only name
    /// values the code already names elsewhere).
    static func code(_ text: String) -> String {
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let rest = text[i...]
            if rest.hasPrefix("//") {
                i = text[i...].firstIndex(of: "\n") ?? text.endIndex
            } else if rest.hasPrefix("/*") {
                i = text.range(of: "*/", range: i..<text.endIndex)?.upperBound ?? text.endIndex
            } else if rest.hasPrefix("\"\"\"") {
                let from = text.index(i, offsetBy: 3)
                i = text.range(of: "\"\"\"", range: from..<text.endIndex)?.upperBound ?? text.endIndex
            } else if rest.hasPrefix("#\"") {
                let from = text.index(i, offsetBy: 2)
                i = text.range(of: "\"#", range: from..<text.endIndex)?.upperBound ?? text.endIndex
            } else if text[i] == "\"" {
                var j = text.index(after: i)
                while j < text.endIndex, text[j] != "\"", text[j] != "\n" {
                    if text[j] == "\\" { j = text.index(after: j) }
                    if j < text.endIndex { j = text.index(after: j) }
                }
                i = j < text.endIndex ? text.index(after: j) : j
            } else {
                out.append(text[i])
                i = text.index(after: i)
            }
        }
        return out
    }

    static func identifiers(_ code: String) -> [String] {
        code.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init).filter { $0.first?.isUppercase == true }
    }
}
