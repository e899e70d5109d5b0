import DrugLabel

/// An article's text as paragraphs at its blank lines, each with its first line: the way the
/// index cuts a document without sections, so the anchor of a hit in it is on the page.
enum BodyParagraphs {
    struct Paragraph { var text: String; var line: Int }

    static func split(_ lines: [SourceLine]) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: Paragraph?
        for line in lines {
            guard !line.isBlank else {
                if let c = current { result.append(c) }
                current = nil
                continue
            }
            if var c = current {
                // A Latin word wrapped at the line end gets its space back; ideographs join.
                let a = c.text.unicodeScalars.last, b = line.text.unicodeScalars.first
                if let a, let b, a.isASCII, b.isASCII, a != "-" { c.text += " " }
                c.text += line.text
                current = c
            } else {
                current = Paragraph(text: line.text, line: line.number)
            }
        }
        if let c = current { result.append(c) }
        return result
    }
}
