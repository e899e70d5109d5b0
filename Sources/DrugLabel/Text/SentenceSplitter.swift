import ICUBridge

/// A paragraph cut into sentences by ICU's sentence break rules (locale zh: after 。！？ and
/// their Latin kin). The diff compares labels sentence by sentence.
enum SentenceSplitter {
    /// The sentences of `text`, with their scalar offsets in it; white space at the ends of a
    /// sentence stays with it.
    static func sentences(_ text: String) -> [(text: String, offset: Int)] {
        guard !text.isEmpty else { return [] }
        var capacity = max(16, text.utf16.count / 8)
        var breaks: [Int32] = []
        while true {
            var buffer = [Int32](repeating: 0, count: capacity)
            let n = text.withCString { dl_sentence_breaks($0, Int32(text.utf8.count), &buffer, Int32(capacity)) }
            if n < 0 { return [(text, 0)] }
            if Int(n) <= capacity { breaks = Array(buffer.prefix(Int(n))); break }
            capacity = Int(n)
        }
        var result: [(String, Int)] = []
        var start = text.startIndex
        // Counted on from sentence to sentence: counting from the start each time is quadratic
        // in a section of many sentences.
        var offset = 0
        for b in breaks {
            let end = String.Index(utf16Offset: Int(b), in: text)
            guard end > start else { continue }
            let sentence = text[start..<end]
            result.append((String(sentence), offset))
            offset += sentence.unicodeScalars.count
            start = end
        }
        if start < text.endIndex { result.append((String(text[start...]), offset)) }
        return result
    }
}
