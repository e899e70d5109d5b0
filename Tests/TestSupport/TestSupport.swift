import DrugLabel
import Foundation

/// Paths and helpers shared by the tests. Documents come from the repository's Corpus/, facts
/// from Tests/DrugLabelTests/Fixtures/expectations/ (copied from the hand-read expectations).
package enum TestSupport {
    package static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let corpus = repository.appendingPathComponent("Corpus")
    package static let golden = repository.appendingPathComponent("Golden")
    /// The test fixtures: the hand-read expectations and the fuzzer's crash inputs.
    package static let fixtures = repository.appendingPathComponent("Tests/DrugLabelTests/Fixtures")
    package static let expectations = fixtures.appendingPathComponent("expectations")

    /// The real labels with hand-read headings (`labels/`, `expect/`), where the machine has them.
    package static let labelsDev = repository.appendingPathComponent("../shared/labels-dev").standardizedFileURL

    package static let labelName = "axicabtagene-ciloleucel-label-2024"

    package static func corpusPath(_ name: String) -> String { corpus.appendingPathComponent(name + ".txt").path }

    package static func bytes(_ name: String) throws -> [UInt8] { try LabelFile.read(corpusPath(name)) }

    package static func parse(_ name: String) throws -> Label {
        try LabelParser().parse(bytes: bytes(name), path: "Corpus/\(name).txt")
    }

    package static var expectationNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: expectations.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    package static func expectation(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: expectations.appendingPathComponent(name + ".json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// A scratch directory for files a test writes, inside one folder for the whole test run
    /// that is removed when the run exits (a failed run's files are gone too: rerun to see them).
    package static func scratch() throws -> URL {
        _ = removeAtExit
        let url = runFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static let runFolder = FileManager.default.temporaryDirectory
        .appendingPathComponent("druglabel-tests-\(ProcessInfo.processInfo.processIdentifier)")

    private static let removeAtExit: Void = {
        atexit { try? FileManager.default.removeItem(at: TestSupport.runFolder) }
    }()
}

/// The comparison of the expectations: NFKC, case folding, white space removed.
package struct Fold {
    let fold: TextFold
    package init() throws { fold = try TextFold.checked() }
    package func callAsFunction(_ text: String) -> String { fold(text) }
}
