import DrugLabel
import Foundation
import TestSupport
import Testing

/// The same label in every encoding and line-end convention labels arrive in gives the same
/// sections, and bad input is refused with a reason, never a crash.
@Suite("Reading bytes")
struct EncodingTests {
    static let variants: [(name: String, charset: String?, bom: [UInt8], crlf: Bool)] = [
        ("GB18030", "GB18030", [], false),
        ("UTF-16LE with BOM", "UTF-16LE", [0xFF, 0xFE], false),
        ("UTF-16BE with BOM", "UTF-16BE", [0xFE, 0xFF], false),
        ("UTF-8 with BOM", nil, [0xEF, 0xBB, 0xBF], false),
        ("CRLF line ends", nil, [], true),
        ("GB18030 with CRLF", "GB18030", [], true),
    ]

    @Test("re-encoded copies of the label give identical sections", arguments: variants.map(\.name))
    func reencoded(_ variant: String) throws {
        let v = Self.variants.first { $0.name == variant }!
        let original = try TestSupport.bytes(TestSupport.labelName)
        var text = String(decoding: original, as: UTF8.self)
        if v.crlf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        let body = try v.charset.map { try TextEncoding.encode(text, as: $0) } ?? Array(text.utf8)
        let parser = try LabelParser()
        let expected = try parser.parse(bytes: original, path: "label.txt")
        let copy = try parser.parse(bytes: v.bom + body, path: "label.txt")
        #expect(copy.kind == .label)
        #expect(copy.sections == expected.sections)
        #expect(copy.boxedWarning == expected.boxedWarning)
        #expect(copy.metadata == expected.metadata)
        #expect(copy.tables == expected.tables)
        #expect(copy.tables.count == 7)
        #expect(copy.doses == expected.doses && copy.quantities == expected.quantities)
        // 27: the 68 mL a bag holds is not a dose, nor is the regimen a clinical study used.
        #expect(copy.doses.count == 27)
        if let charset = v.charset {
            #expect(copy.source.encoding.hasPrefix(charset))
        }
    }

    @Test("a Big5 label in Traditional characters is read, its headings folded to the catalogue")
    func big5Traditional() throws {
        let text = "【藥品名稱】\n通用名稱：阿莫西林膠囊\n【適應症】\n用於敏感菌所致的感染。\n【禁忌】\n對青黴素過敏者禁用。\n【貯藏】\n密封，在乾燥處保存。\n"
        let label = try LabelParser().parse(bytes: TextEncoding.encode(text, as: "Big5"), path: "big5.txt")
        #expect(label.source.encoding == "Big5")
        #expect(label.kind == .label)
        #expect(label.sections.map(\.key) == ["names", "indications_and_usage", "contraindications", "storage_and_handling"])
        #expect(label.sections.map(\.heading) == ["藥品名稱", "適應症", "禁忌", "貯藏"])
        #expect(label.section("contraindications")?.text == "對青黴素過敏者禁用。")
    }

    @Test("a PDF that cannot be opened is named as a PDF, with advice")
    func pdf() throws {
        do {
            _ = try LabelParser().parse(bytes: Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), path: "x.pdf")
            Issue.record("a cut PDF was parsed")
        } catch let error as InputError {
            guard case .unreadablePDF = error else { Issue.record("\(error)"); return }
            #expect(error.description.hasPrefix("is a PDF that cannot be opened"))
        }
    }

    @Test("formats fed by mistake are named")
    func formats() throws {
        // A ZIP is read as a Word document; six bytes of one are a damaged archive.
        do {
            _ = try LabelParser().parse(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], path: "label.docx")
            Issue.record("six bytes of a ZIP were parsed")
        } catch let error as InputError {
            guard case .damaged = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains("ZIP archive"))
        }
        #expect(InputError.format("PNG image").description.contains("not text"))
    }

    @Test("binary files are refused: NUL bytes, or bytes that decode as nothing")
    func binary() throws {
        var generator = SystemRandomNumberGenerator()
        let withNul: [UInt8] = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
        #expect(throws: InputError.self) { try LabelParser().parse(bytes: withNul, path: "a.bin") }
        // High bytes and C0 controls, no NUL: no charset makes text of it.
        var controls: [UInt8] = []
        for i in 0..<4096 {
            let control = UInt8(1 + i % 8)
            let high = UInt8(0x80 + i % 0x7F)
            controls.append(i % 3 == 0 ? control : high)
        }
        #expect(throws: InputError.self) { try LabelParser().parse(bytes: controls, path: "b.bin") }
        // 0xFF 0xFF … reads as UTF-16 noncharacters to ICU's detector: still not text.
        #expect(throws: InputError.self) { try LabelParser().parse(bytes: [UInt8](repeating: 0xFF, count: 10_000), path: "c.bin") }
    }

    @Test("a file cut inside a UTF-8 sequence still parses what is there, with a diagnostic")
    func truncated() throws {
        let original = try TestSupport.bytes(TestSupport.labelName)
        // Cut in the middle of the last Han character before the end.
        var cut = original.count - 1
        while original[cut] & 0xC0 != 0xC0 { cut -= 1 }
        let label = try LabelParser().parse(bytes: Array(original[...cut]), path: "cut.txt")
        #expect(label.kind == .label)
        #expect(label.sections.count == 25)
        #expect(label.diagnostics.contains { $0.code == "decode.truncated" && $0.severity == .warning })
    }

    @Test("UTF-8 with a few damaged bytes is still UTF-8: replaced characters and a warning, no mojibake")
    func damagedUTF8() throws {
        var bytes = try TestSupport.bytes(TestSupport.labelName)
        var damaged = 0
        var i = 1000
        while damaged < 20, i < bytes.count {
            if bytes[i] >= 0xE0 { bytes[i + 1] = 0x41; damaged += 1; i += 3000 } else { i += 1 }
        }
        let label = try LabelParser().parse(bytes: bytes, path: "damaged.txt")
        #expect(label.source.encoding == "UTF-8")
        #expect(label.sections.count == 25)
        #expect(label.diagnostics.contains { $0.code == "decode.invalid" && $0.severity == .warning && $0.line != nil })
        #expect(label.section("contraindications")?.text == "对活性成分或任何辅料有超敏者禁用。")
    }

    @Test("an empty or blank file is an error, not an empty document")
    func empty() throws {
        #expect(throws: InputError.empty) { try LabelParser().parse(bytes: [], path: "e.txt") }
        #expect(throws: InputError.empty) { try LabelParser().parse(bytes: Array(" \n\r\n\t".utf8), path: "e.txt") }
    }

    @Test("missing files and directories are errors a user can act on")
    func paths() throws {
        let dir = try TestSupport.scratch()
        #expect(throws: InputError.notFound) { try LabelParser().parse(fileAt: dir.appendingPathComponent("nope.txt").path) }
        #expect(throws: InputError.isDirectory) { try LabelParser().parse(fileAt: dir.path) }
        #expect(InputError.isDirectory.description.contains("directory"))
    }
}
