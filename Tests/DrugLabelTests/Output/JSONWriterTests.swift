import Foundation
import TestSupport
import Testing
@testable import DrugLabel

/// The label's JSON is written by hand (`JSONWriter`) to the bytes `JSONEncoder` gave, which is
/// the contract: every test holds the writer against the encoder configured as the label's JSON
/// used to be, kept here only as the reference.
@Suite("JSON writer")
struct JSONWriterTests {
    static let prettyEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let compactEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let labelsDev = TestSupport.labelsDev.appendingPathComponent("labels")

    // MARK: Documents

    @Test("every corpus document: the writer's bytes are the encoder's, whole, streamed and in pieces")
    func corpus() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 5)
        let parser = try LabelParser()
        for file in files {
            let path = TestSupport.corpus.appendingPathComponent(file).path
            try expectSameBytes(try parser.parse(bytes: LabelFile.read(path), path: "Corpus/\(file)"), file)
        }
    }

    @Test("every label of ../shared/labels-dev: the writer's bytes are the encoder's",
          .enabled(if: FileManager.default.fileExists(atPath: labelsDev.path), "../shared/labels-dev is not there"))
    func realLabels() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.labelsDev.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!files.isEmpty)
        let parser = try LabelParser()
        for file in files {
            let path = Self.labelsDev.appendingPathComponent(file).path
            try expectSameBytes(try parser.parse(bytes: LabelFile.read(path), path: path), file)
        }
    }

    @Test("a label with every optional value present, and one with every optional value absent")
    func everyBranch() throws {
        try expectSameBytes(Self.full(), "full")
        try expectSameBytes(Self.sparse(), "sparse")
        try expectSameBytes(Label(source: SourceInfo(path: "", sha256: "", encoding: "", bytes: 0), kind: .unknown), "empty")
    }

    /// Pretty and compact, whole (`encode`), streamed (`write`) and in `Pieces`, against the encoder.
    private func expectSameBytes(_ label: Label, _ name: String) throws {
        var pretty = try Self.prettyEncoder.encode(label)
        pretty.append(UInt8(ascii: "\n"))
        let compact = try Self.compactEncoder.encode(label)

        let encoded = try LabelJSON.encode(label)
        #expect(encoded == pretty, "\(name): pretty differs at byte \(Self.firstDifference(encoded, pretty))")

        var writer = JSONWriter(pretty: false)
        label.writeJSON(to: &writer)
        #expect(Data(writer.bytes) == compact, "\(name): compact differs at byte \(Self.firstDifference(Data(writer.bytes), compact))")

        var streamed = Data()
        try LabelJSON.write(label) { streamed.append($0) }
        streamed.append(UInt8(ascii: "\n"))
        #expect(streamed == encoded, "\(name): write differs from encode")

        for (isPretty, expected) in [(true, pretty.dropLast()), (false, compact)] {
            var pieces = try LabelJSON.Pieces(label, pretty: isPretty)
            var joined = Data(), count = 0
            while let piece = try pieces.next() { joined.append(piece); count += 1 }
            #expect(joined == expected, "\(name): pieces (pretty: \(isPretty)) differ from the encoder")
            #expect(count > label.sections.count + label.tables.count, "\(name): one piece per element at least")
            #expect(try pieces.next() == nil)
        }
    }

    private static func firstDifference(_ a: Data, _ b: Data) -> Int {
        zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    }

    // MARK: Primitives

    static let awkwardStrings: [String] = {
        var controls = ""
        for byte in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        return [
            "", controls, "\"", "\\", "/", "\\\"/\\/", "a\"b\\c/d", "http://example.com/a/b",
            "\u{7F}\u{80}\u{9F}\u{A0}", "\u{2028}\u{2029}", "line\u{2028}sep\u{2029}par",
            "😀👩‍👩‍👧‍👦🇨🇳", "\u{301}", "\u{301}\u{302}e\u{301}", "é", "\u{FEFF}BOM", "\u{FFFD}\u{FFFF}",
            "细胞因子释放综合征（CRS）", "【用法用量】\n成人：每次10mg，一日3次。\r\n\t缩进",
            "<script>&amp;'</script>", "\u{0}\u{0}", "end\\", "\u{1F}\u{20}\u{21}",
            String(repeating: "长文本/with \"quotes\" and \\slashes\\ ", count: 500),
        ]
    }()

    static let awkwardDoubles: [Double] = [
        0, -0.0, 1, -1, 0.5, -1.5, 42, -42, 100, 1e-7, 1e-5, 1e-4, 0.001, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3,
        123456789.125, 1e15, 1e16, 1e17, 1e21, 1e22, 1e100, 1e300, 9.5e15,
        4_503_599_627_370_496.5, 9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_994,
        -9_007_199_254_740_992, 1.2345678901234567e16, 123456789012345.6, 1234567890123456.7,
        .leastNonzeroMagnitude, 2.2250738585072014e-308, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        Double(Int32.max), Double(Int64.max), Double(Int64.min), 36.5, -150, 0.0001234, 1.0e-10, 3.14159,
    ]

    @Test("strings: the encoder's escapes and no others, pretty and compact")
    func strings() throws {
        try expectPrimitives(Self.awkwardStrings)
        for string in Self.awkwardStrings { try expectPrimitives([string]) }
        try expectPrimitives(Self.awkwardStrings.map { Optional($0) } + [nil])
    }

    @Test("doubles: the encoder's form across magnitudes, pretty and compact")
    func doubles() throws {
        try expectPrimitives(Self.awkwardDoubles)
        try expectPrimitives(Self.awkwardDoubles.map { -$0 })
        try expectPrimitives(Self.awkwardDoubles.map { Optional($0) } + [nil])
    }

    @Test("integers and booleans")
    func integers() throws {
        try expectPrimitives([0, 1, -1, 9, 10, 99, 100, -9, -10, 1234567890, Int.max, Int.min, Int(Int32.min)])
        try expectPrimitives([true, false])
    }

    @Test("random doubles and random strings")
    func random() throws {
        var random = SplitMix(seed: 0x5EED)
        var doubles: [Double] = []
        while doubles.count < 20_000 {
            let bits = random.next()
            // Every bit pattern, and values near the integers where the writer takes its shortcut.
            let candidates = [Double(bitPattern: bits), Double(Int64(bitPattern: bits) >> Int64(bits % 60)),
                              Double(Int64(bitPattern: bits) >> 12) / Double(1 << (bits % 20))]
            doubles += candidates.filter(\.isFinite)
        }
        try expectPrimitives(doubles)

        let pool: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x2000...0x206F, 0x4E00...0x9FFF, 0x1F300...0x1FAFF, 0x300...0x36F]
        var strings: [String] = []
        for _ in 0..<2_000 {
            var string = ""
            for _ in 0..<Int(random.next() % 40) {
                let range = pool[Int(random.next() % UInt64(pool.count))]
                let value = range.lowerBound + UInt32(random.next() % UInt64(range.count))
                if let scalar = Unicode.Scalar(value) { string.unicodeScalars.append(scalar) }
            }
            strings.append(string)
        }
        try expectPrimitives(strings)
    }

    @Test("dictionary keys in the encoder's order, escaped as strings")
    func dictionaryKeys() throws {
        let keys = ["b", "B", "a10", "a9", "_x", "é", "e", "Z", "aB", "ab", "ä", "ｂ", "abc", "ab_", "", "a\"b", "a/b",
                    "\u{1}", "😀", "\u{FFFF}", "e\u{301}x", "长", "short", "startLine"]
        try expectPrimitives(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) }))
        try expectPrimitives([String: Int]())
        try expectPrimitives([[String: [Int]]](repeating: ["x": [], "y": [1]], count: 2))
    }

    @Test("empty and nested containers in the encoder's layout")
    func containers() throws {
        try expectPrimitives([[Int]]())
        try expectPrimitives([[Int]]([[], [1], [], [2, 3]]))
        try expectPrimitives([[[String]]]([[[]], [["a"], []]]))
        try expectPrimitives([[String: [String]]]([[:], ["k": []]]))
        try expectPrimitives([[[[[[Int]]]]]]([[[[[[]]]]], [[[[[1]]]]]]))
    }

    private func expectPrimitives<T: Encodable & JSONWritable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (pretty, encoder) in [(true, Self.prettyEncoder), (false, Self.compactEncoder)] {
            var writer = JSONWriter(pretty: pretty)
            value.writeJSON(to: &writer)
            let expected = [UInt8](try encoder.encode(value))
            #expect(writer.bytes == expected, """
                pretty: \(pretty)
                \(String(decoding: writer.bytes, as: UTF8.self).debugDescription)
                ≠
                \(String(decoding: expected, as: UTF8.self).debugDescription)
                """, sourceLocation: sourceLocation)
        }
    }

    @Test("arrays long enough to be written on all cores give the encoder's bytes, in order")
    func concurrentBatches() throws {
        let parser = try LabelParser()
        var label = try parser.parse(bytes: TestSupport.bytes(TestSupport.labelName), path: "label.txt")
        // Several steps of elements, the last one short, so parts meet across steps and within one.
        let doses = label.doses, quantities = label.quantities
        #expect(!doses.isEmpty && !quantities.isEmpty)
        while label.doses.count < 2 * LabelJSONStream.elementsPerStep + 37 { label.doses += doses }
        while label.quantities.count < LabelJSONStream.elementsPerStep + 5 { label.quantities += quantities }
        try expectSameBytes(label, "seed label, doses repeated")
    }

    // MARK: Numbers JSON lacks

    @Test("a number JSON cannot hold, deep in an array written on all cores, still throws")
    func nonFiniteInConcurrentBatch() throws {
        var label = Self.sparse()
        for i in 0..<(LabelJSONStream.elementsPerStep + 40) {
            let value = i == LabelJSONStream.elementsPerStep + 20 ? Double.infinity : Double(i)
            label.quantities.append(Quantity(kind: "rate", value: value, unit: "%", text: "x", span: SourceSpan(line: 1)))
        }
        #expect(throws: EncodingError.self) { try LabelJSON.encode(label) }
        #expect(throws: EncodingError.self) { try LabelJSON.write(label) { _ in } }
    }

    @Test("a number JSON cannot hold throws, as with the encoder, and reaches no sink")
    func nonFinite() throws {
        for bad in [Double.nan, .infinity, -.infinity] {
            var label = Self.sparse()
            label.quantities.append(Quantity(kind: "rate", value: bad, unit: "%", text: "x", span: SourceSpan(line: 1)))
            #expect(throws: EncodingError.self) { try Self.prettyEncoder.encode(label) }
            #expect(throws: EncodingError.self) { try LabelJSON.encode(label) }
            var received = 0
            #expect(throws: EncodingError.self) { try LabelJSON.write(label) { received += $0.count } }
            #expect(received == 0)
            #expect(throws: EncodingError.self) {
                var pieces = try LabelJSON.Pieces(label, pretty: false)
                while try pieces.next() != nil {}
            }
        }
    }

    // MARK: Fixtures

    static let span = SourceSpan(startLine: 3, endLine: 7)

    /// Every optional of every type in the label set, with awkward text and numbers in them.
    static func full() -> Label {
        var metadata = Metadata()
        metadata.notice = "请仔细阅读说明书并在医师指导下使用"
        metadata.genericName = "阿基仑赛注射液"
        metadata.tradeName = "奕凯达®"
        metadata.englishName = "Axicabtagene \"Ciloleucel\" / injection\\"
        metadata.pinyin = "Ajilunsai Zhusheye"
        metadata.approvalNumbers = ["国药准字S20210019", "国药准字S20210020"]
        metadata.standard = "YBS00492024"
        metadata.approvalDate = "2021-06-22"
        metadata.revisions = [Revision(ordinal: 4, date: "2024-12-13", span: span), Revision(ordinal: nil, date: "2023-01-01", span: span)]
        metadata.holder = Organization(name: "复星凯特", address: "上海市/浦东", postcode: "201210", phone: "021-1234\t5678",
                                       fax: "021-8765", website: "https://example.com/a?b=c&d", span: span)
        metadata.manufacturer = Organization(name: nil, address: nil, postcode: nil, phone: nil, fax: nil, website: nil, span: span)
        metadata.storage = Storage(minCelsius: -0.0, maxCelsius: -150, text: "低于零下 150 摄氏度", span: span)
        metadata.shelfLife = ShelfLife(months: 12, text: "12个月", span: span)
        metadata.$genericName.span = span
        metadata.$tradeName.span = SourceSpan(line: 1)
        metadata.$englishName.span = SourceSpan(line: 2)
        metadata.$approvalDate.span = SourceSpan(line: 9)
        metadata.$notice.span = SourceSpan(line: 4)
        metadata.$standard.span = span
        metadata.titleSpan = SourceSpan(line: 3)

        var label = Label(source: SourceInfo(path: "Corpus/a b/\"c\".txt", sha256: String(repeating: "ab", count: 32),
                                             encoding: "UTF-8 (BOM)", bytes: 123_456),
                          kind: .label, title: "阿基仑赛注射液说明书\u{2028}", metadata: metadata,
                          boxedWarning: BoxedWarning(title: "警告", items: ["细胞因子释放综合征", "神经毒性\n"], span: span),
                          sections: [
                              Section(key: "indications_and_usage", heading: "适应症", span: span, text: "第一行\n第二行",
                                      subsections: [Subsection(heading: "预处理", text: "文本", span: span)],
                                      items: [Item(marker: "1.", text: "条目", span: span), Item(marker: "（2）", text: "", span: span)]),
                              Section(key: nil, heading: "特别提示", span: span, text: ""),
                          ])
        let amount = Amount(value: 2e6, low: 0.5, high: 1.0 / 3)
        label.tables = [Table(
            id: "t1", caption: "表1 不良反应（%）", section: "adverse_reactions", kind: .numeric, stub: ["系统器官分类", "首选术语"],
            columns: [["中国临床研究（N=24）", "≥3级"], []], columnFootnotes: [["a"], []],
            arms: [Table.Arm(name: "ZUMA-1", n: 101, footnotes: ["b"], columns: [0, 1]),
                   Table.Arm(name: "other", n: nil, footnotes: [], columns: [])],
            groups: [Table.Group(label: "血液", footnotes: [], span: span)],
            rows: [Table.Row(group: "血液", label: "贫血", footnotes: ["c"], unit: "%", statistic: "95%CI",
                             cells: [Table.Cell(raw: "72（62，81）", value: 72, ci: [62, nil], range: [nil, 81.5],
                                                flags: [.censored, .lessThan, .uncertainColumn]),
                                     Table.Cell(raw: "-")],
                             span: span),
                   Table.Row(group: nil, label: "", footnotes: [], unit: nil, statistic: nil, cells: [], span: span)],
            footnotes: [Table.Footnote(mark: "a", text: "注：\"NE\"", span: span)], notes: ["注释/说明"], span: span),
        ]
        label.doses = [Dose(drug: "阿基仑赛", amount: amount, unit: "cells/kg", unitText: "个/kg", per: "kg", perTime: "day",
                            population: "成人", qualifier: "initial", kind: "total",
                            alternative: Dose.Alternative(amount: Amount(value: 0.25, low: nil, high: nil), unit: "tablet", unitText: "片"),
                            route: "静脉", routeText: "静脉输注", frequency: "once", schedule: "d1", duration: "1天",
                            maximum: Dose.Maximum(amount: Amount(value: 2e8, low: nil, high: nil), unit: "cells", per: "dose", text: "不超过"),
                            condition: "体重≤100kg", uncertainty: "column", text: "2×10⁶个/kg", section: "dosage", span: span),
                       Dose(drug: "x", amount: Amount(value: nil, low: 1, high: 2), unit: "mg", unitText: "mg",
                            maximum: Dose.Maximum(amount: amount, unit: "mg", per: nil, text: ""), text: "", section: nil, span: span)]
        label.quantities = [Quantity(kind: "temperature", value: -150, low: nil, high: nil, unit: "°C", text: "零下150", span: span),
                            Quantity(kind: "range", value: nil, low: 1e-7, high: 1e21, unit: "%", text: "", span: span)]
        label.fields = [Field(name: "药品名称", value: "阿基仑赛\\注射液", span: span)]
        label.patents = [Patent(type: "化合物", expires: "2031-01-01", span: span), Patent(type: "用途", expires: nil, span: span)]
        label.trials = [Trial(type: "III期", comparator: "安慰剂", stage: "已完成", span: span),
                        Trial(type: "II期", comparator: nil, stage: nil, span: span)]
        label.abbreviations = [Abbreviation(short: "CRS", long: "细胞因子释放综合征", span: span)]
        label.diagnostics = [Diagnostic(.info, "decode.bom", "BOM removed"), Diagnostic(.warning, "table.cell", "moved\t\"x\"", line: 12),
                             Diagnostic(.error, "e", "", line: 0)]
        return label
    }

    /// Every optional absent and every list empty, where the model allows it.
    static func sparse() -> Label {
        var label = Label(source: SourceInfo(path: "p", sha256: "", encoding: "GB18030", bytes: 1), kind: .article)
        label.sections = [Section(key: nil, heading: "", span: SourceSpan(line: 1), text: "")]
        label.tables = [Table(id: "", caption: "", section: nil, kind: .prose, stub: [], columns: [], columnFootnotes: [],
                              arms: [], groups: [], rows: [], footnotes: [], notes: [], span: SourceSpan(line: 1))]
        label.doses = [Dose(drug: "", amount: Amount(value: nil, low: nil, high: nil), unit: "", unitText: "", text: "",
                            section: nil, span: SourceSpan(line: 1))]
        return label
    }
}
