import DrugLabel
import Foundation
import TestSupport
import Testing

/// Documents that cannot be read say why and what to do; none crashes the reader.
@Suite("documents that cannot be read") struct DocumentRefusalTests {
    func error(_ bytes: [UInt8], path: String = "x") -> InputError? {
        do {
            _ = try LabelParser().parse(bytes: bytes, path: path)
            return nil
        } catch let e as InputError {
            return e
        } catch {
            return .unreadable("\(error)")
        }
    }

    @Test("a scanned PDF needs OCR")
    func scanned() throws {
        let e = error(try LabelFile.read(DocumentFixtures.other("scanned.pdf")))
        #expect(e == .scanned(pages: 1))
        #expect(e?.description.contains("OCR") == true)
    }

    /// The seed label's PDF with its fonts' ToUnicode tables renamed (same length, so the
    /// offsets hold): poppler then gives glyph codes, control characters among them.
    @Test("a PDF whose fonts have no Unicode mapping needs OCR; one font without it is a warning")
    func unmappedText() throws {
        let bytes = try LabelFile.read(DocumentFixtures.path("pdf"))
        func renamed(first n: Int) -> [UInt8] {
            var out = bytes
            let key = Array("/ToUnicode".utf8), other = Array("/ToUnicodX".utf8)
            var done = 0, i = 0
            while done < n, i + key.count <= out.count {
                if Array(out[i..<(i + key.count)]) == key { out.replaceSubrange(i..<(i + key.count), with: other); done += 1 }
                i += 1
            }
            return out
        }
        let whole = error(renamed(first: .max), path: "nounicode.pdf")
        guard case .unmappedText(let codes, let characters)? = whole else { Issue.record("read as \(String(describing: whole))"); return }
        #expect(codes * 20 >= characters)
        #expect(whole?.description.contains("OCR") == true && whole?.description.contains("ToUnicode") == true)
        // One font without it (some dozens of its characters are control codes): read, with a
        // warning that says so (here the font of the headings: no section is found, and the
        // warning is why). The original has no font codes at all.
        let one = try LabelParser().parse(bytes: renamed(first: 1), path: "one.pdf")
        #expect(one.diagnostics.contains { $0.code == "read.unmappedCharacters" && $0.severity == .warning })
        let label = try LabelParser().parse(bytes: bytes, path: "label.pdf")
        #expect(!label.diagnostics.contains { $0.code == "read.unmappedCharacters" })
    }

    @Test("a .doc is to be saved as .docx or PDF")
    func legacy() throws {
        let e = error(try LabelFile.read(DocumentFixtures.other("legacy.doc")))
        #expect(e == .legacyOffice)
        #expect(e?.description.contains(".docx") == true)
    }

    @Test("damaged PDFs and archives are errors of their own")
    func damaged() throws {
        let pdf = try LabelFile.read(DocumentFixtures.path("pdf"))
        if case .unreadablePDF? = error(Array(pdf.prefix(2000))) {} else { Issue.record("a cut PDF: \(String(describing: error(Array(pdf.prefix(2000)))))") }
        let docx = try LabelFile.read(DocumentFixtures.path("docx"))
        if case .damaged? = error(Array(docx.prefix(docx.count / 2))) {} else { Issue.record("a cut .docx") }
        // A ZIP that is no Word document: an .xlsx, a zipped folder.
        if case .format? = error(Self.zip(name: "xl/workbook.xml", contents: "<workbook/>")) {} else { Issue.record("a ZIP without word/document.xml") }
        // A Word document whose XML is broken.
        if case .damaged? = error(Self.zip(name: "word/document.xml", contents: "<w:document><w:body><w:p>")) {} else {
            Issue.record("broken XML: \(String(describing: error(Self.zip(name: "word/document.xml", contents: "<w:document><w:body><w:p>"))))")
        }
    }

    @Test("every prefix of the fixtures is read or refused, never a crash")
    func prefixes() throws {
        for ext in ["docx", "pdf", "html"] {
            let bytes = try LabelFile.read(DocumentFixtures.path(ext))
            for n in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
                _ = error(Array(bytes.prefix(n)), path: "cut.\(ext)")
            }
        }
    }

    /// A stored (uncompressed) ZIP with one file, written here so the test needs no fixture.
    static func zip(name: String, contents: String) -> [UInt8] {
        let data = Array(contents.utf8), path = Array(name.utf8)
        var crc: UInt32 = 0xFFFF_FFFF
        for b in data {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
        let local = [0x50, 0x4B, 0x03, 0x04] + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc)
            + u32(UInt32(data.count)) + u32(UInt32(data.count)) + u16(path.count) + u16(0) + path + data
        let central = [0x50, 0x4B, 0x01, 0x02] + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc)
            + u32(UInt32(data.count)) + u32(UInt32(data.count)) + u16(path.count) + u16(0) + u16(0) + u16(0) + u16(0)
            + u32(0) + u32(0) + path
        let end = [0x50, 0x4B, 0x05, 0x06] + u16(0) + u16(0) + u16(1) + u16(1) + u32(UInt32(central.count))
            + u32(UInt32(local.count)) + u16(0)
        return local + central + end
    }
}
