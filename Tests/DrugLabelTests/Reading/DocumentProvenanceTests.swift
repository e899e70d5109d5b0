import DrugLabel
import Foundation
import TestSupport
import Testing

/// Every span of a PDF, .docx or web page says where in the document it starts, and the JSON
/// writes it.
@Suite("where in the document a value came from") struct DocumentProvenanceTests {
    @Test("a .docx span names its paragraph, and a table cell's its cell")
    func docxSpans() throws {
        let label = try DocumentFixtures.parse("docx")
        let origins = try #require(label.origins)
        let heading = try #require(label.sections.first { $0.key == "dosage_and_administration" })
        #expect(origins.origin(of: heading.span)?.paragraph != nil)
        #expect(origins.origin(of: heading.span)?.cell == nil)
        let t1 = try #require(label.tables.first)
        let fever = try #require(t1.rows.first { $0.label == "发热" })
        let cell = try #require(origins.origin(of: fever.span)?.cell)
        #expect(cell.table == 1 && cell.column == 2)
        // The tocilizumab dose of table 3 is in the table's second column.
        let tocilizumab = try #require(label.doses.first { $0.drug == "托珠单抗" && $0.per == "kg" })
        let dose = try #require(origins.origin(of: tocilizumab.span)?.cell)
        #expect(dose.table == 3 && dose.column == 2)
    }

    @Test("a PDF span names its page and the line on it")
    func pdfSpans() throws {
        let label = try DocumentFixtures.parse("pdf")
        let origins = try #require(label.origins)
        let pages = label.sections.compactMap { origins.origin(of: $0.span)?.page }
        #expect(pages.count == label.sections.count)
        #expect(pages == pages.sorted())
        #expect(pages.first == 1 && (pages.last ?? 0) > 10)
        #expect(label.sections.allSatisfy { origins.origin(of: $0.span)?.pageLine != nil })
        // A dose read from a table cell names the page and the cell.
        let tocilizumab = try #require(label.doses.first { $0.drug == "托珠单抗" && $0.per == "kg" })
        let origin = try #require(origins.origin(of: tocilizumab.span))
        #expect(origin.page != nil && origin.cell?.table == 3 && origin.cell?.column == 2)
        // Its ceiling was wrapped inside brackets (`（不超过` / `800 mg）`): one paragraph of the cell.
        #expect(tocilizumab.maximum?.amount.value == 800)
    }

    @Test("a page set in two columns is read column by column")
    func twoColumns() throws {
        let two = try LabelParser().parse(fileAt: DocumentFixtures.other("two-columns.pdf"))
        let docx = try DocumentFixtures.parse("docx")
        #expect(two.sections.count >= 6)
        for section in two.sections.dropLast() {
            let same = try #require(docx.sections.first { $0.key == section.key }, "\(section.heading)")
            #expect(DocumentFixtures.comparable(section.text) == DocumentFixtures.comparable(same.text), "\(section.heading)")
        }
    }

    @Test("the JSON carries format, pages and cells; a text file's spans stay lines only")
    func json() throws {
        let docx = String(decoding: try LabelJSON.encode(DocumentFixtures.parse("docx")), as: UTF8.self)
        #expect(docx.contains("\"format\" : \"docx\""))
        #expect(docx.contains("\"schemaVersion\" : 3"))
        #expect(docx.contains("\"paragraph\" : "))
        #expect(docx.contains("\"cell\" : {"))
        let pdf = String(decoding: try LabelJSON.encode(DocumentFixtures.parse("pdf")), as: UTF8.self)
        #expect(pdf.contains("\"page\" : ") && pdf.contains("\"pageLine\" : "))
        let text = String(decoding: try LabelJSON.encode(TestSupport.parse(TestSupport.labelName)), as: UTF8.self)
        #expect(text.contains("\"format\" : \"text\""))
        #expect(!text.contains("\"page\" : ") && !text.contains("\"paragraph\" : "))
    }

    @Test("the streamed JSON is the JSON")
    func streamed() throws {
        let label = try DocumentFixtures.parse("html")
        var pieces = Data()
        try LabelJSON.write(label) { pieces.append($0) }
        pieces.append(UInt8(ascii: "\n"))
        #expect(pieces == (try LabelJSON.encode(label)))
    }
}
