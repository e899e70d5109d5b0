/// `paragraphs.line_starts`, read back: where each physical line after the first begins in a
/// paragraph's text (`offset:line,…`, in unicode scalars).
enum LineStarts {
    /// The source line that scalar `offset` of the paragraph came from.
    static func line(at offset: Int, first: Int, starts: String?) -> Int {
        guard let starts, !starts.isEmpty else { return first }
        var line = first
        for pair in starts.split(separator: ",") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let o = Int(parts[0]), let l = Int(parts[1]) else { continue }
            if o > offset { break }
            line = l
        }
        return line
    }
}
