import DrugLabel

/// A document's source as decoded, cut into its physical lines (LF, CRLF and CR end a line,
/// as the parser numbers them), in UTF-8: what a paragraph's `ParagraphCuts` point into.
struct RawLines: Sendable {
    private let bytes: [UInt8]
    /// Each line's first byte and the byte after its last; line N is at N − 1.
    private let ranges: [Range<Int>]

    init(text: String) {
        bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        var start = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                ranges.append(start..<i)
                i += (b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        self.ranges = ranges
    }

    /// The source bytes read as the parser reads them (a PDF, .docx or web page into the text
    /// its spans count the lines of); nil when they cannot be.
    /// `path` is the document's, for its extension: an `.html` page without `<html>` is read as
    /// a page, as it was when indexed.
    init?(source: [UInt8], path: String) {
        switch try? DocumentReader().read(source, path: path) {
        case .text(let decoded)?: self.init(text: decoded.text)
        case .document(let document)?: self.init(text: document.text)
        case nil: return nil
        }
    }

    /// What it holds in memory, about: for the store's cache budget.
    var size: Int { bytes.count + ranges.count * MemoryLayout<Range<Int>>.stride }

    /// Line `number`'s bytes (1-based); nil past the last line.
    func line(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= ranges.count else { return nil }
        return bytes[ranges[number - 1]]
    }
}
