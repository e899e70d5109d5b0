import DrugLabel
import Foundation

/// The shared output of the query subcommands: an aligned table, a JSON array, one JSON object
/// per line, or CSV, every row ending in its document and source line.
enum QueryOutput {
    /// `total` is the size of the whole answer: the text form says when the rows shown are a
    /// page of it. `csv` replaces the text rows in CSV when a spreadsheet needs another shape
    /// than a person reading (one line per value, numbers in their own columns); it is the whole
    /// CSV, header line included.
    static func write<T: Encodable>(_ items: [T], header: [String], rows: [[String]], format: QueryCommand.Format,
                                    total: Int, offset: Int, csv: (() -> String)? = nil) throws {
        switch format {
        case .text:
            if items.isEmpty { Console.out(total == 0 ? "no rows\n" : "no rows past \(offset) (the answer has \(total))\n") }
            else {
                Console.out(Columns.render(header: header, rows: rows))
                if items.count < total { Console.out("rows \(offset + 1)–\(offset + items.count) of \(total)\n") }
            }
        case .json:
            Console.out(try LabelJSON.encode(items))
        case .ndjson:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for item in items { Console.out(try encoder.encode(item)); Console.out("\n") }
        case .csv:
            if let csv { Console.out(csv()); return }
            Console.out(lines(header: header.map { $0.lowercased() }, rows: rows))
        }
    }

    /// RFC 4180 lines, CRLF, every field quoted when it must be.
    static func lines(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(TableCSV.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
