import DrugLabel
import Foundation
import TestSupport
import Testing

/// Every value knows its lines: the metadata's sourced values and the fields' line starts point
/// at lines that hold what was read, on real documents.
@Suite struct ProvenanceTests {
    /// The text without white space, as the lines hold it across wraps.
    static func squeezed(_ s: some StringProtocol) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    static func documents() throws -> [URL] {
        var urls = try FileManager.default.contentsOfDirectory(at: TestSupport.corpus, includingPropertiesForKeys: nil)
        let dev = TestSupport.labelsDev.appendingPathComponent("labels")
        if FileManager.default.fileExists(atPath: dev.path) {
            urls += try FileManager.default.contentsOfDirectory(at: dev, includingPropertiesForKeys: nil)
        }
        return urls.filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }

    @Test("each name and notice of the metadata is written on the lines its span names")
    func metadataSpans() throws {
        let parser = try LabelParser()
        var checked = 0
        for url in try Self.documents() {
            let document = try parser.parseDocument(bytes: LabelFile.read(url.path), path: url.path)
            let m = document.label.metadata
            for sourced in [m.$genericName, m.$tradeName, m.$englishName, m.$notice] {
                guard let value = sourced.value else { continue }
                let span = try #require(sourced.span, "\(url.lastPathComponent): \(value) has no span")
                let text = Self.squeezed(document.lines.filter { span.startLine <= $0.number && $0.number <= span.endLine }
                    .map(\.text).joined())
                // The name block may write it in Traditional characters or full-width letters.
                #expect(parser.fold(text).contains(parser.fold(Self.squeezed(value))),
                        "\(url.lastPathComponent): \(value) not in lines \(span.startLine)–\(span.endLine)")
                checked += 1
            }
        }
        #expect(checked > 150)
    }

    @Test("a sourced value set alone loses the span of the value it replaced")
    func settingClearsSpan() {
        var m = Metadata()
        m.$genericName = Sourced("阿莫西林胶囊", span: SourceSpan(line: 3))
        #expect(m.$genericName.span == SourceSpan(line: 3))
        m.genericName = "头孢克肟片"
        #expect(m.genericName == "头孢克肟片" && m.$genericName.span == nil)
    }

    @Test("a field joined from wrapped lines knows the line of each piece of its value")
    func fieldLines() throws {
        let parser = try LabelParser()
        var pieces = 0
        for name in ["axicabtagene-ciloleucel-nrdl-application-2023", "zevorcabtagene-autoleucel-nrdl-application-2025"] {
            let document = try parser.parseDocument(bytes: TestSupport.bytes(name), path: name)
            let byNumber = Dictionary(document.lines.map { ($0.number, $0.text) }) { a, _ in a }
            let fields = document.label.fields
            #expect(fields.filter { $0.paragraph != nil }.count * 10 > fields.count * 8, "most fields are whole wrapped lines")
            for field in fields {
                guard let p = field.paragraph else { continue }
                #expect(p.text == field.value)
                let scalars = Array(field.value.unicodeScalars)
                for (k, start) in p.lineStarts.enumerated() {
                    let end = k + 1 < p.lineStarts.count ? p.lineStarts[k + 1].offset : scalars.count
                    guard start.offset <= end, end <= scalars.count else {
                        Issue.record("\(name) \(field.name): offsets out of order")
                        continue
                    }
                    let piece = Self.squeezed(String(String.UnicodeScalarView(scalars[start.offset..<end])))
                    let line = Self.squeezed(byNumber[start.line] ?? "")
                    #expect(line.contains(piece), "\(name) \(field.name): “\(piece)” is not on line \(start.line)")
                    #expect(field.span.startLine <= start.line && start.line <= field.span.endLine)
                    pieces += 1
                }
            }
        }
        #expect(pieces > 100)
    }

    @Test("each item of a boxed warning knows the lines of its pieces")
    func boxedWarningLines() throws {
        let parser = try LabelParser()
        var pieces = 0
        for url in try Self.documents() {
            let document = try parser.parseDocument(bytes: LabelFile.read(url.path), path: url.path)
            guard let box = document.label.boxedWarning else { continue }
            #expect(box.paragraphs.map(\.text) == box.items, "\(url.lastPathComponent)")
            let byNumber = Dictionary(document.lines.map { ($0.number, $0.text) }) { a, _ in a }
            for p in box.paragraphs {
                let scalars = Array(p.text.unicodeScalars)
                for (k, start) in p.lineStarts.enumerated() {
                    let end = k + 1 < p.lineStarts.count ? p.lineStarts[k + 1].offset : scalars.count
                    guard start.offset <= end, end <= scalars.count else {
                        Issue.record("\(url.lastPathComponent): offsets out of order")
                        continue
                    }
                    let piece = Self.squeezed(String(String.UnicodeScalarView(scalars[start.offset..<end])))
                    #expect(Self.squeezed(byNumber[start.line] ?? "").contains(piece),
                            "\(url.lastPathComponent): “\(piece)” is not on line \(start.line)")
                    #expect(box.span.startLine <= start.line && start.line <= box.span.endLine)
                    pieces += 1
                }
            }
        }
        #expect(pieces >= 10, "the boxes of the corpus have at least ten lines of items")
    }
}
