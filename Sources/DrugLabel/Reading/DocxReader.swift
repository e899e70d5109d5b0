import Foundation
import ZIPFoundation

/// Reads a Word document (.docx): the paragraphs and tables of `word/document.xml` in order,
/// runs raised or lowered as the document marks them, list numbers as Word would show them.
/// Headers, footers and footnote parts are other parts of the archive and are not read: they
/// are page furniture, not the label.
struct DocxReader {
    /// A part larger than this unpacked is refused: a label's document.xml is some megabytes,
    /// a ZIP bomb's is gigabytes.
    static let largestPart = 64 << 20

    func read(_ bytes: [UInt8]) throws -> ReadDocument {
        // ZIPFoundation reads an archive in memory trusting its offsets (it traps on one that
        // points past the end): they are checked first.
        if let problem = ZipLayout.problem(in: bytes) { throw InputError.damaged("a ZIP archive that cannot be opened (\(problem))") }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw InputError.damaged("a ZIP archive that cannot be opened (\(error))")
        }
        guard let main = archive["word/document.xml"] else {
            throw InputError.format("ZIP file with no word/document.xml (not a Word document; .xlsx and .pptx are not read)")
        }
        let document = try xml(part(main, of: archive), named: main.path)
        let numbering = try archive["word/numbering.xml"].map { try DocxNumbering(xml(part($0, of: archive), named: $0.path)) }
        var reading = DocxBody(numbering: numbering ?? DocxNumbering())
        guard let body = document.first("document")?.first("body") else {
            throw InputError.damaged("a Word document without a body")
        }
        reading.blocks(of: body)
        var writer = LineWriter()
        for block in reading.out { writer.write(block) }
        return writer.document(format: .docx, diagnostics: [])
    }

    private func xml(_ bytes: [UInt8], named name: String) throws -> MarkupElement {
        do {
            return try MarkupTree.parse(bytes, html: false)
        } catch {
            throw InputError.damaged("\(name) of the Word document is not well-formed XML (\(error))")
        }
    }

    private func part(_ entry: Entry, of archive: Archive) throws -> [UInt8] {
        guard entry.uncompressedSize <= UInt64(DocxReader.largestPart) else {
            throw InputError.damaged("\(entry.path) unpacks to \(entry.uncompressedSize) bytes, more than a label can be")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(DocxReader.largestPart))))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The size in the header may lie; the bytes are counted as they come.
                guard bytes.count + chunk.count <= DocxReader.largestPart else { throw InputError.damaged("\(entry.path) unpacks to more than a label can be") }
                bytes.append(contentsOf: chunk)
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError.damaged("\(entry.path) cannot be unpacked (\(error))")
        }
        return bytes
    }
}

/// The walk of a document body into blocks.
struct DocxBody {
    var numbering: DocxNumbering
    private(set) var out: [ReadBlock] = []

    init(numbering: DocxNumbering) { self.numbering = numbering }

    /// The blocks of a body, a content control's content or a cell's: paragraphs and tables.
    mutating func blocks(of container: MarkupElement) {
        for case .element(let e) in container.children {
            switch e.name {
            case "p": out.append(.paragraph(paragraph(e)))
            case "tbl": out.append(.table(table(e)))
            case "sdt": if let content = e.first("sdtContent") { blocks(of: content) }
            // A paragraph or table in a content control or custom XML is the document's as well.
            case "customXml", "ins", "moveTo": blocks(of: e)
            default: break
            }
        }
    }

    /// A paragraph's text: its list number, then its runs.
    mutating func paragraph(_ p: MarkupElement) -> String {
        var text = InlineText()
        if let properties = p.first("pPr"), let number = numbering.next(properties) {
            text.append(number, .baseline)
        }
        runs(of: p, into: &text)
        return text.text
    }

    private func runs(of element: MarkupElement, into text: inout InlineText) {
        for case .element(let e) in element.children {
            switch e.name {
            case "r": run(e, into: &text)
            // Deleted text of tracked changes, and the fallback of content that has a choice
            // (its text is the choice's again), are not the document's text.
            case "del", "moveFrom", "Fallback", "pPr", "rPr": break
            case "txbxContent":
                for case .element(let inner) in e.children where inner.name == "p" {
                    text.append(" ", .baseline)
                    runs(of: inner, into: &text)
                }
            default: runs(of: e, into: &text)
            }
        }
    }

    private func run(_ r: MarkupElement, into text: inout InlineText) {
        var position = InlineText.Position.baseline
        if let align = r.first("rPr")?.first("vertAlign")?.attribute("val") {
            position = align == "superscript" ? .superscript : align == "subscript" ? .subscript : .baseline
        }
        for case .element(let e) in r.children {
            switch e.name {
            case "t": text.append(e.text, position)
            case "tab", "ptab": text.append(" ", .baseline)
            case "br", "cr": text.append("\n", .baseline)
            case "noBreakHyphen": text.append("-", .baseline)
            case "softHyphen": break
            case "AlternateContent", "drawing", "pict", "object":
                runs(of: e, into: &text)
            default: break
            }
        }
    }

    /// The children named `name`, in order, those inside content controls (`w:sdt`) and custom
    /// XML (`w:customXml`) included where they stand.
    static func unwrapped(_ element: MarkupElement, _ name: String, depth: Int = 0) -> [MarkupElement] {
        var out: [MarkupElement] = []
        for case .element(let c) in element.children {
            if c.name == name {
                out.append(c)
            } else if depth < 8, c.name == "sdt", let content = c.first("sdtContent") {
                out += unwrapped(content, name, depth: depth + 1)
            } else if depth < 8, c.name == "customXml" {
                out += unwrapped(c, name, depth: depth + 1)
            }
        }
        return out
    }

    /// Rows of cells: `gridSpan` spans columns, `vMerge` continues the cell above, `gridBefore`
    /// skips columns at a row's start.
    private mutating func table(_ tbl: MarkupElement) -> [[ReadCell]] {
        var rows: [[ReadCell]] = []
        // Where each open vertical merge started: column → (row, index in that row).
        var merges: [Int: (row: Int, index: Int)] = [:]
        for tr in DocxBody.unwrapped(tbl, "tr") {
            var row: [ReadCell] = []
            var column = Int(tr.first("trPr")?.first("gridBefore")?.attribute("val") ?? "") ?? 0
            column = min(max(column, 0), 1000)
            for tc in DocxBody.unwrapped(tr, "tc") {
                let properties = tc.first("tcPr")
                let span = min(max(Int(properties?.first("gridSpan")?.attribute("val") ?? "") ?? 1, 1), 1000)
                let merge = properties?.first("vMerge")
                if let merge, merge.attribute("val") != "restart", let start = merges[column] {
                    rows[start.row][start.index].rowSpan += 1
                    column += span
                    continue
                }
                var inner = DocxBody(numbering: numbering)
                inner.blocks(of: tc)
                numbering = inner.numbering
                let paragraphs = inner.out.flatMap { block -> [String] in
                    switch block {
                    case .paragraph(let text): return [text]
                    // A table nested in a cell: its cells' text, row by row.
                    case .table(let nested): return nested.flatMap { $0.flatMap(\.paragraphs) }
                    }
                }
                if merge != nil {
                    merges[column] = (rows.count, row.count)
                } else {
                    merges[column] = nil
                }
                row.append(ReadCell(paragraphs: paragraphs, column: column, columnSpan: span))
                column += span
            }
            rows.append(row)
        }
        return rows
    }
}
