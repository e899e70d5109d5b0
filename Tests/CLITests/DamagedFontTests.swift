import Foundation
import TestSupport
import Testing

/// A PDF whose embedded fonts cannot be loaded: poppler's renderer complains on stderr with a
/// bare line per text operation, thousands a document, which would bury the run's own errors.
@Suite("a PDF with broken fonts")
struct DamagedFontTests {
    /// The seed label's PDF with the start of every embedded TrueType font stream zeroed: the
    /// text layer (ToUnicode maps) still reads, the glyphs no longer load.
    static func brokenFonts() throws -> URL {
        var bytes = [UInt8](try Data(contentsOf: TestSupport.repository
            .appendingPathComponent("Tests/DrugLabelTests/Fixtures/documents/axicabtagene-ciloleucel-label-2024.pdf")))
        let key = Array("/Length1".utf8), stream = Array("stream".utf8)
        var zeroed = 0, i = 0
        while i + key.count < bytes.count {
            guard bytes[i..<i + key.count].elementsEqual(key) else { i += 1; continue }
            var s = i
            while s + stream.count < bytes.count, !bytes[s..<s + stream.count].elementsEqual(stream) { s += 1 }
            let data = s + stream.count + 1
            guard data + 48 < bytes.count else { break }
            for k in data + 16..<data + 48 { bytes[k] = 0 }
            zeroed += 1
            i = data
        }
        try #require(zeroed > 0)
        let url = try TestSupport.scratch().appendingPathComponent("broken-fonts.pdf")
        try Data(bytes).write(to: url)
        return url
    }

    @Test("is read, and stderr holds the run's own errors only")
    func quiet() throws {
        let pdf = try Self.brokenFonts()
        let r = try CommandRunner().run(["parse", pdf.path, "Corpus/missing.txt"], cwd: TestSupport.repository)
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n") == ["druglabel: error: Corpus/missing.txt: no such file"])
        let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect((parsed?.first?["sections"] as? [Any])?.count == 25)
    }
}
