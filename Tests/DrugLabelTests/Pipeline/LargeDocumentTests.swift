@testable import DrugLabel
import Foundation
import TestSupport
import Testing

/// A large document is read in pieces on all cores; what it says must be what one pass says.
@Suite struct LargeDocumentTests {
    @Test("the seed label, and the dev labels in one file: the same JSON read in pieces as in one pass")
    func piecesReadAsOnePass() throws {
        // The threshold lowered, so that documents of a debug test's size are read in pieces.
        let (pieces, onePass) = try Self.parsers(piecesFrom: 1_000)
        let label = String(decoding: try TestSupport.bytes(TestSupport.labelName), as: UTF8.self)
        var documents = [label]
        let dev = TestSupport.labelsDev.appendingPathComponent("labels")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: dev.path) {
            documents.append(try names.sorted().map { try String(contentsOf: dev.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n"))
        }
        #expect(try !pieces.parse(bytes: Array(label.utf8), path: "label.txt").tables.isEmpty)
        for text in documents {
            #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count > 2_000, "large enough to be read in pieces")
            let read = try pieces.parse(bytes: Array(text.utf8), path: "large.txt")
            let reference = try onePass.parse(bytes: Array(text.utf8), path: "large.txt")
            #expect(read.doses.count > 20)
            #expect(try LabelJSON.encode(read) == LabelJSON.encode(reference))
        }
    }

    @Test("a route said in one section holds in the next of the same kind when read in pieces too")
    func contextAcrossSectionsOfOneKey() throws {
        // Each section its own piece where a cut is allowed: the second 【用法用量】 goes on from
        // the first, as one pass reads them, so no run may start there.
        let (pieces, onePass) = try Self.parsers(piecesFrom: 1)
        let text = "【药品名称】\n通用名称：阿莫西林胶囊\n【用法用量】\n口服。\n【用法用量】\n成人一次0.5g，每6～8小时1次。\n【不良反应】\n恶心。\n"
        let read = try pieces.parse(bytes: Array(text.utf8), path: "label.txt")
        let reference = try onePass.parse(bytes: Array(text.utf8), path: "label.txt")
        #expect(reference.doses.map(\.route) == ["口服"])
        #expect(read.doses.map(\.route) == reference.doses.map(\.route))
        #expect(try LabelJSON.encode(read) == LabelJSON.encode(reference))
    }

    /// A parser that reads documents of `lines` lines or more in pieces, and one that never does.
    static func parsers(piecesFrom lines: Int) throws -> (pieces: LabelParser, onePass: LabelParser) {
        let pieces = try LabelParser()
        pieces.pipeline.label.linesForPieces = lines
        let onePass = try LabelParser()
        onePass.pipeline.label.linesForPieces = nil
        return (pieces, onePass)
    }
}
