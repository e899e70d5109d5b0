/// How much room a line had to leave at its end for the next line's first text to have been
/// set on it instead: a Latin word or a number whole, or one Chinese character together with
/// the punctuation that may not start a line (`高。` goes down together). A line that left less
/// room than this was wrapped; one that left more ended where its writer ended it.
enum LineBreakRoom {
    /// Punctuation a Chinese (or Latin) line may not start with.
    static let noLineStart = Set("。，、；：？！）」』】〉》”’,.;:?!)%".unicodeScalars)

    /// `glyphs`: the next line's characters left to right, with their left and right edges.
    static func needed(_ glyphs: [(scalar: UInt32, x0: Double, x1: Double)]) -> Double {
        let visible = glyphs.drop { $0.scalar <= 0x20 }
        guard let first = visible.first, let s = Unicode.Scalar(first.scalar) else { return 0 }
        var end = first.x1
        var rest = visible.dropFirst()
        if s.isASCIIWord {
            // A Latin word breaks at a space or before a Chinese character, not inside what is
            // set close against it (`Ciloleucel（N=180）`, `10.5`, `mg/kg`).
            while let g = rest.first, g.scalar > 0x20, g.x0 - end < 1.5, let s = Unicode.Scalar(g.scalar), !s.isIdeograph {
                end = g.x1
                rest = rest.dropFirst()
            }
        }
        while let g = rest.first, let s = Unicode.Scalar(g.scalar), noLineStart.contains(s) {
            end = max(end, g.x1)
            rest = rest.dropFirst()
        }
        return end - first.x0
    }
}

extension Unicode.Scalar {
    /// An ASCII letter or digit: part of a word that wraps whole.
    var isASCIIWord: Bool { isASCII && (properties.isAlphabetic || ("0"..."9").contains(self)) }

    /// A Chinese character, after which a line may break.
    var isIdeograph: Bool { properties.isIdeographic }
}
