import Foundation

/// The headings stage: 【】 headings, a line holding several of them in a row cut before each;
/// bare headings (no brackets) only in a document that has no bracketed one. What it finds
/// tells the classifier what kind of document this is.
struct HeadingScanner {
    let detector: HeadingDetector

    struct Scan {
        /// The lines with runs of bracketed headings cut apart.
        var headed: [SourceLine]
        var bracketed: [HeadingLine]
        /// The bare headings, when no bracketed heading is in the catalogue.
        var plain: UnbracketedHeadings.Found?

        var hasBracketed: Bool { plain == nil }
        /// The headings a label is segmented at, and the lines their indexes point into.
        var headings: [HeadingLine] { plain?.headings ?? bracketed }
        var lines: [SourceLine] { plain?.lines ?? headed }
    }

    /// Documents of at least this many lines are scanned in pieces on all cores (each line is
    /// read with its neighbours only); below it, starting threads costs more than it saves.
    static let linesForPieces = 8_000

    func scan(_ lines: [SourceLine]) -> Scan {
        let pieces = lines.count >= HeadingScanner.linesForPieces ? 4 * ProcessInfo.processInfo.activeProcessorCount : 1
        let headed = BracketRuns(detector: detector).split(lines, pieces: pieces)
        let bracketed = detector.bracketed(in: headed, pieces: pieces)
        let hasBracketed = bracketed.contains { $0.key != nil }
        return Scan(headed: headed, bracketed: bracketed,
                    plain: hasBracketed ? nil : UnbracketedHeadings(detector: detector).find(in: lines))
    }
}
