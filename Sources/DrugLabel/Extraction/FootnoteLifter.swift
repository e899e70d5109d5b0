/// Takes out a form's numbered footnote list (the 申报条件 rules of 药品申报条件) from wherever
/// the PDF laid it — often the middle of another field's wrapped value — so that it can be
/// given back to the field it belongs to. The list is recognised by its first item (a rule of
/// the vocabulary), runs through consecutively numbered items and their wrapped lines, and
/// ends at a page gap (two or more blank lines) or at a line that starts a field.
struct FootnoteLifter {
    let vocabulary: FormVocabulary

    struct Block {
        var fieldName: String
        /// One entry per item, its wrapped lines joined.
        var items: [String]
        var span: SourceSpan
        var indices: [Int]
    }

    func lift(_ lines: [SourceLine]) -> [Block] {
        var blocks: [Block] = []
        var taken = Set<Int>()
        for entry in vocabulary.entries {
            guard let first = entry.footnoteFirstItem else { continue }
            var i = 0
            while i < lines.count {
                let text = lines[i].text
                guard !taken.contains(i), !text.isEmpty, first.matches(folding: text) else { i += 1; continue }
                var block = Block(fieldName: entry.name, items: [text], span: lines[i].span, indices: [i])
                var next = 2
                var blanks = 0
                var j = i + 1
                while j < lines.count {
                    let line = lines[j]
                    if line.isBlank {
                        blanks += 1
                        if blanks >= 2 { break }
                        j += 1
                        continue
                    }
                    blanks = 0
                    if line.folded.hasPrefix("\(next).") {
                        block.items.append(line.text)
                        next += 1
                    } else if startsField(line) {
                        break
                    } else {
                        WrapJoiner.append(&block.items[block.items.count - 1], line.text)
                    }
                    block.indices.append(j)
                    block.span = block.span.union(line.span)
                    j += 1
                }
                taken.formUnion(block.indices)
                blocks.append(block)
                i = j
            }
        }
        return blocks
    }

    private func startsField(_ line: SourceLine) -> Bool {
        vocabulary.match(FoldedText([line.text]), at: 0) != nil || vocabulary.isFormHeading(line)
    }
}

import Foundation
