/// Splits one flattened header line into column labels. PDF extraction puts a space between
/// every two cells and also inside some (`≥3 级（%）`, `CRS 分级`, `并发 CRS`), so a bare number
/// joins the word after it, a Latin word joins the Han word beside it, and a footnote letter
/// (`CRS 分级 a 托珠单抗`) closes the label before it.
enum HeaderTokens {
    struct Token: Sendable, Hashable {
        var text: String
        var footnotes: [String]
    }

    static func split(_ line: String) -> [Token] {
        let words = line.split(separator: " ").map(String.init)
        var groups: [[String]] = [[]]
        var marks: [[String]] = [[]]
        for word in words {
            if isMark(word) {
                marks[marks.count - 1].append(word)
                groups.append([]); marks.append([])
            } else {
                groups[groups.count - 1].append(word)
            }
        }
        var tokens: [Token] = []
        for (group, groupMarks) in zip(groups, marks) where !group.isEmpty {
            var merged: [String] = []
            var pendingNumber: String?
            for word in group {
                if let number = pendingNumber {
                    merged.append(number + " " + word)
                    pendingNumber = nil
                } else if isBareNumber(word) {
                    pendingNumber = word
                } else if isLatin(word), let last = merged.last, !isLatin(last) {
                    merged[merged.count - 1] = last + " " + word
                } else if let last = merged.last, isLatin(last), !isLatin(word), merged.count == 1, group.first == last {
                    merged[merged.count - 1] = last + " " + word
                } else {
                    merged.append(word)
                }
            }
            if let number = pendingNumber { merged.append(number) }
            for (i, text) in merged.enumerated() {
                tokens.append(Token(text: text, footnotes: i == merged.count - 1 ? groupMarks : []))
            }
        }
        return tokens
    }

    static func isMark(_ word: String) -> Bool {
        word.count == 1 && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }

    /// `≥3`, `3`: not a label by itself.
    static func isBareNumber(_ word: String) -> Bool {
        var s = Substring(word).unicodeScalars
        if let f = s.first, "≥≤<>".unicodeScalars.contains(f) { s = s.dropFirst() }
        return !s.isEmpty && s.allSatisfy { ("0"..."9").contains($0) }
    }

    static func isLatin(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { $0.isASCII && $0 != "（" }
            && word.unicodeScalars.contains { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
    }
}
