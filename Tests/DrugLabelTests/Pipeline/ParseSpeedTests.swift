@testable import DrugLabel
import Foundation
import TestSupport
import Testing

/// The speed work on the serial stages must not change what they read: a document split in
/// pieces on all cores reads as in one pass, and each table cell knows the lines it came from.
@Suite("Parse speed")
struct ParseSpeedTests {
    /// The label and its lines, as the index sees them.
    static func parsed() throws -> (label: Label, lines: [SourceLine]) {
        let document = try LabelParser().parseDocument(bytes: TestSupport.bytes(TestSupport.labelName), path: "label.txt")
        return (document.label, document.lines)
    }

    @Test("every cell's span lies in its row's, and a number's lines hold its text")
    func cellSpans() throws {
        let (label, lines) = try ParseSpeedTests.parsed()
        let numeric = label.tables.filter { $0.kind == .numeric }
        #expect(!numeric.isEmpty && label.tables.contains { $0.kind == .prose })
        func squeezed(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
        var checked = 0
        for table in label.tables {
            for row in table.rows {
                for cell in row.cells {
                    #expect(cell.span != Table.Cell.unknownSpan, "\(table.id) \(row.label)")
                    #expect(row.span.startLine <= cell.span.startLine && cell.span.endLine <= row.span.endLine,
                            "\(table.id) \(row.label): cell \(cell.span) outside row \(row.span)")
                    guard table.kind == .numeric, !cell.raw.isEmpty else { continue }
                    let text = lines.lines(in: cell.span).map { squeezed($0.text) }.joined()
                    #expect(text.contains(squeezed(cell.raw)), "\(table.id) \(row.label): “\(cell.raw)” not in lines \(cell.span)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
        // A prose cell names the lines of its paragraphs, not the whole row.
        let prose = label.tables.filter { $0.kind == .prose }.flatMap(\.rows).flatMap(\.cells).filter { !$0.raw.isEmpty }
        #expect(prose.contains { $0.span.endLine > $0.span.startLine })
    }

    @Test("a cell decoded from JSON, which does not carry its span, takes its row's")
    func decodedCellSpan() throws {
        let (label, _) = try ParseSpeedTests.parsed()
        let row = try #require(label.tables.first?.rows.first)
        let data = try JSONEncoder().encode(row)
        #expect(!String(decoding: data, as: UTF8.self).contains("\"cells\":[{\"span\""))
        let decoded = try JSONDecoder().decode(Table.Row.self, from: data)
        #expect(decoded.cells.map(\.raw) == row.cells.map(\.raw))
        #expect(decoded.cells.allSatisfy { $0.span == row.span })
        let alone = try JSONDecoder().decode(Table.Cell.self, from: JSONEncoder().encode(row.cells[0]))
        #expect(alone.span == Table.Cell.unknownSpan && alone.raw == row.cells[0].raw)
    }

    @Test("a large text split in pieces on all cores gives the lines of one pass")
    func splitInPieces() throws {
        // Line ends of every kind, blank lines, markup and a form feed, repeated past the size
        // at which the splitter cuts the text in pieces.
        let seed = "【药品名称】\r\n通用名称：阿莫西林胶囊 \n\n\u{0C}- 3 -\r表 1 <br />不良反应\n  8 4  10\r\n"
        var text = ""
        while text.utf8.count < 3 * LineSplitter.bytesForPieces { text += seed }
        text += "末行"
        let splitter = LineSplitter(repairer: LineRepairer(rules: .standard))
        let lines = splitter.split(text)
        // One pass: each copy of the seed split alone, numbered on from the one before.
        var oneByOne: [SourceLine] = []
        var offset = 0
        let once = splitter.split(seed)
        let seedLines = seed.reduce(0) { $0 + ($1 == "\n" || $1 == "\r" || $1 == "\r\n" ? 1 : 0) }
        for _ in 0..<(text.utf8.count / seed.utf8.count) {
            for var line in once {
                line.number += offset
                oneByOne.append(line)
            }
            offset += seedLines
        }
        oneByOne.append(SourceLine(number: offset + 1, text: "末行"))
        #expect(lines == oneByOne)
    }

    @Test("headings found in pieces on all cores are those of one pass")
    func headingsInPieces() throws {
        let parser = try LabelParser()
        var text = ""
        // A heading wrapped over two lines and a run of headings on one line, around a cut.
        for _ in 0..<4 { text += String(decoding: try TestSupport.bytes(TestSupport.labelName), as: UTF8.self) + "\n【药品名称】A 【成份】B\n【孕妇及哺乳期妇\n女用药】\n" }
        let lines = parser.pipeline.normalizer.normalize(text).lines
        let detector = parser.pipeline.headings.detector
        for pieces in [1, 3, 7, 64] {
            let headed = BracketRuns(detector: detector).split(lines, pieces: pieces)
            #expect(headed == BracketRuns(detector: detector).split(lines, pieces: 1))
            #expect(detector.bracketed(in: headed, pieces: pieces) == detector.bracketed(in: headed, pieces: 1))
        }
        #expect(lines.count > HeadingScanner.linesForPieces)
    }

    @Test("sections parsed in pieces on all cores read as in one pass")
    func sectionsInPieces() throws {
        let text = String(decoding: try TestSupport.bytes(TestSupport.labelName), as: UTF8.self)
        // Each copy's name block says another trade name, and the first has no pinyin line:
        // the name blocks, read on all cores, must still give what one pass gives (the first
        // block's names, a later block's for what the first lacks).
        var copies: [String] = []
        for k in 0..<4 {
            var copy = text.replacingOccurrences(of: "商品名称：奕凯达®", with: "商品名称：奕凯达\(k)")
            if k == 0 { copy = copy.replacingOccurrences(of: "汉语拼音：A Ji Lun Sai Zhu She Ye", with: "") }
            copies.append(copy)
        }
        let repeated = Array(copies.joined(separator: "\n").utf8)
        let parser = try LabelParser()
        let pieced = try parser.parse(bytes: repeated, path: "x.txt")
        parser.pipeline.label.linesForPieces = nil
        let single = try parser.parse(bytes: repeated, path: "x.txt")
        #expect(pieced.metadata == single.metadata)
        #expect(pieced.metadata.tradeName == "奕凯达0")
        #expect(pieced.metadata.pinyin == "A Ji Lun Sai Zhu She Ye")
        #expect(pieced.doses == single.doses)
        #expect(pieced.quantities == single.quantities)
        #expect(pieced.sections == single.sections)
        #expect(pieced.tables == single.tables)
        let cellSpans = { (label: Label) in label.tables.flatMap(\.rows).flatMap(\.cells).map(\.span) }
        #expect(cellSpans(pieced) == cellSpans(single))
        #expect(pieced.abbreviations == single.abbreviations)
        #expect(pieced.diagnostics == single.diagnostics)
    }
}
