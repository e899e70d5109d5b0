import DrugLabel
import Foundation
import TestSupport
import Testing

/// Documents made to break the readers (Fixtures/documents/hostile/, each found by a review of
/// the readers): every one is read or refused as that document's error, never a crash, a hang
/// or gigabytes of memory.
@Suite("hostile documents") struct HostileDocumentTests {
    static let folder = DocumentFixtures.folder.appendingPathComponent("hostile")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func outcome(_ bytes: [UInt8], path: String) -> Result<Label, InputError>? {
        do {
            return .success(try LabelParser().parse(bytes: bytes, path: path))
        } catch let e as InputError {
            return .failure(e)
        } catch {
            return nil
        }
    }

    @Test("each is read or refused", arguments: files)
    func readOrRefused(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let result = outcome(try LabelFile.read(path), path: path)
        #expect(result != nil, "\(name): an error that is not the document's")
    }

    @Test("a Word part with a DTD is refused: its entities could expand without bound")
    func entities() throws {
        for name in ["entity.docx", "laughs.docx"] {
            let path = Self.folder.appendingPathComponent(name).path
            guard case .failure(.damaged(let reason))? = outcome(try LabelFile.read(path), path: path) else {
                Issue.record("\(name) was not refused")
                continue
            }
            #expect(reason.contains("document type declaration"))
        }
    }

    @Test("an archive whose offsets point past its end is damaged, not a trap")
    func zipOffsets() throws {
        let docx = try LabelFile.read(DocumentFixtures.path("docx"))
        // The end record's offset of the central directory, and a local header's offset.
        let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        let found = (0...(docx.count - 22)).last { (at: Int) -> Bool in docx[at..<(at + 4)].elementsEqual(signature) }
        let end = try #require(found)
        for (at, value) in [(end + 16, UInt32(docx.count + 100)), (end + 12, UInt32.max - 1)] {
            var bytes = docx
            for k in 0..<4 { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
            guard case .failure(.damaged)? = outcome(bytes, path: "x.docx") else { Issue.record("offset at \(at)"); continue }
        }
        // Every byte of the end record and of the first central directory entry, changed.
        let directory = Int(docx[end + 16]) | Int(docx[end + 17]) << 8 | Int(docx[end + 18]) << 16 | Int(docx[end + 19]) << 24
        for at in Array(end..<(end + 22)) + Array(directory..<(directory + 46)) {
            var bytes = docx
            bytes[at] ^= 0xA5
            #expect(outcome(bytes, path: "x.docx") != nil)
        }
    }

    @Test("a table with a coloured header row is still one table with its cells")
    func colouredFill() throws {
        let path = Self.folder.appendingPathComponent("tbl-yellow.pdf").path
        guard case .document(let read) = try DocumentReader().read(LabelFile.read(path), path: path) else {
            Issue.record("not read as a PDF")
            return
        }
        let grid = try #require(read.grids.first)
        #expect(grid.rowCount == 3 && grid.columnCount == 3)
        #expect(grid.cells.map(\.text) == ["Item", "Arm A", "Arm B", "Fever", "12", "15", "Rash", "3", "4"])
    }

    @Test("a label in <pre> keeps its lines")
    func preformatted() throws {
        let label = try LabelParser().parse(fileAt: Self.folder.appendingPathComponent("pre.html").path)
        #expect(label.sections.map(\.key) == ["names", "indications_and_usage"])
        #expect(label.section("indications_and_usage")?.text == "用于治疗某病。")
    }
}
