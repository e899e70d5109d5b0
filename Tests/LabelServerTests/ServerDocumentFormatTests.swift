import DrugLabel
import Foundation
import TestSupport
import Testing

/// A PDF in the index is served as the document it is: its spans carry pages, and the label
/// page says on which page each section and dose stands.
@Suite("a PDF served") struct ServerDocumentFormatTests {
    @Test("the API's spans and the label page give pages")
    func pdfPages() async throws {
        let pdf = TestSupport.fixtures.appendingPathComponent("documents/\(TestSupport.labelName).pdf").path
        let server = try await ServerHarness.start(files: [pdf], copy: true)
        defer { Task { await server.stop() } }
        let document = try #require(try await server.get("/labels/\(TestSupport.labelName)").value()["results"]?[0])
        #expect(document["source"]?["format"]?.string == "pdf")
        let sections = document["sections"]?.array ?? []
        #expect(sections.count == 25)
        #expect(sections.allSatisfy { $0["span"]?["page"]?.number != nil })
        let page = try await server.get("/label/\(TestSupport.labelName)")
        #expect(page.status == 200)
        #expect(page.text.contains("p. 1 · line"))
        #expect(page.text.contains("p. 11 · line"))
    }
}
