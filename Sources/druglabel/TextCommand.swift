import ArgumentParser
import DrugLabel
import Foundation

struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the text a document is read as: the lines every span counts.",
        discussion: """
            For a PDF, .docx or web page, the text its reader made of it (a table's cells one line each, page \
            furniture left out); for a text file, its lines as decoded. `sed -n 'START,ENDp'` of this output is \
            the source of a span. --origins puts each line's place in the document before it: p.PAGE:LINE for a \
            PDF, ¶PARAGRAPH for a .docx or web page, and T.ROW.COLUMN for a table cell.
            """
    )

    @Argument(help: "A text file, PDF, .docx or saved web page.")
    var file: String

    @Flag(help: "Number each line and say where it is in the document.")
    var origins = false

    func run() throws {
        let read: DocumentReader.Result
        do {
            read = try DocumentReader().read(LabelFile.read(file), path: file)
        } catch {
            Console.error("\(file): \(error)")
            throw ExitCode(1)
        }
        let text: String, places: LineOrigins?
        switch read {
        case .text(let decoded): (text, places) = (decoded.text, nil)
        case .document(let document): (text, places) = (document.text, document.origins)
        }
        guard origins else {
            Console.out(text.hasSuffix("\n") ? text : text + "\n")
            return
        }
        var out = ""
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var place = ""
            if let o = places?[n + 1] {
                if let page = o.page { place += "p.\(page)" + (o.pageLine.map { ":\($0)" } ?? "") }
                if let paragraph = o.paragraph { place += "¶\(paragraph)" }
                if let cell = o.cell { place += " T\(cell.table).\(cell.row).\(cell.column)" }
            }
            out += String(format: "%6d", n + 1) + "  " + place.padding(toLength: max(place.count, 16), withPad: " ", startingAt: 0) + "  " + line + "\n"
        }
        Console.out(out)
    }
}
