/// The first stage a file's bytes meet: by their first bytes a PDF, a Word document and a
/// saved web page go to their readers, and text to the decoder. What each reader gives is
/// text with the origin of every line, so the stages after it read every format alike.
public struct DocumentReader: Sendable {
    /// What a file was read into.
    public enum Result: Sendable {
        /// Text: decoded, its lines the file's.
        case text(DecodedText)
        /// A PDF, .docx or web page, read through its structure.
        case document(ReadDocument)
    }

    let decoder = TextDecoder()

    public init() {}

    /// `path` is used for its extension only, to take an `.html` file with no `<html>` tag as
    /// a page.
    public func read(_ bytes: [UInt8], path: String) throws -> Result {
        if DocumentReader.isPDF(bytes) { return .document(try PDFReader().read(bytes)) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .document(try DocxReader().read(bytes)) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw InputError.legacyOffice }
        let decoded = try decoder.decode(bytes)
        guard DocumentReader.isHTML(decoded, path: path) else { return .text(decoded) }
        var page = try HTMLReader().read(decoded.text)
        page.diagnostics = decoded.diagnostics + page.diagnostics
        return .document(page)
    }

    /// `%PDF-` in the first kilobyte: the format allows bytes before it.
    static func isPDF(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(1024)
        let magic = Array("%PDF-".utf8)
        guard head.count >= magic.count else { return false }
        for i in head.startIndex...(head.endIndex - magic.count) where head[i] == 0x25 {
            if head[i..<(i + magic.count)].elementsEqual(magic) { return true }
        }
        return false
    }

    /// A page opens (after spaces, an XML declaration and comments) with `<!DOCTYPE html` or
    /// `<html`; or it is named `.html`/`.htm` and has a body or block tags. A label in text
    /// with some tags left in it (`<br />`, `<sup>`) is text: the normalizer reads those.
    static func isHTML(_ decoded: DecodedText, path: String) -> Bool {
        let head = decoded.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0.prefix(4096)), as: UTF8.self) }.lowercased()
        var rest = Substring(head)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if rest.hasPrefix("<?xml"), let end = rest.range(of: "?>") { rest = rest[end.upperBound...]; continue }
            if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") { rest = rest[end.upperBound...]; continue }
            break
        }
        if rest.hasPrefix("<!doctype html") || rest.hasPrefix("<html") { return true }
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard ["html", "htm", "xhtml"].contains(ext), path.contains(".") else { return false }
        return ["<body", "<p>", "<p ", "<div", "<table"].contains { head.contains($0) }
    }
}
