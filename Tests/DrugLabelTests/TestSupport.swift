import DrugLabel
import Foundation

/// Paths and helpers shared by the tests. Documents come from the repository's Corpus/, facts
/// from Fixtures/expectations/ (copied from the hand-read expectations).
enum TestSupport {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.appendingPathComponent("Corpus")
    static let golden = repository.appendingPathComponent("Golden")
    static let expectations = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/expectations")

    static let labelName = "axicabtagene-ciloleucel-label-2024"

    static func corpusPath(_ name: String) -> String { corpus.appendingPathComponent(name + ".txt").path }

    static func bytes(_ name: String) throws -> [UInt8] { try LabelFile.read(corpusPath(name)) }

    static func parse(_ name: String) throws -> Label {
        try LabelParser().parse(bytes: bytes(name), path: "Corpus/\(name).txt")
    }

    static var expectationNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: expectations.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func expectation(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: expectations.appendingPathComponent(name + ".json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// A scratch directory for files a test writes.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("druglabel-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The comparison of the expectations: NFKC, case folding, white space removed.
struct Fold {
    let folder: Folder
    init() throws { folder = try Folder() }
    func callAsFunction(_ text: String) -> String { folder.fold(text) }
}
