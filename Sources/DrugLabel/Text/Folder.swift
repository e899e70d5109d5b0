import ICUBridge

/// The folded form used for matching headings, field names and searches: ICU NFKC with case
/// folding, then Traditional→Simplified, white space removed. Output text is never folded.
///
/// Opening one compiles ICU's transliteration rules (milliseconds), so a parser keeps one.
/// Not thread-safe: one per parser.
public final class Folder {
    private let handle: OpaquePointer
    /// Folds of single characters already asked for: a document asks about the same few
    /// hundred first characters again and again.
    private var scalarCache: [UInt32: String] = [:]
    /// Folds of short strings (headings, field names, bare heading candidates): forms repeat
    /// them page after page, and each ICU transliteration costs microseconds.
    private var shortCache: [String: String] = [:]

    public init() throws {
        var error = [CChar](repeating: 0, count: 256)
        guard let handle = dl_folder_open(&error, 256) else {
            throw FolderError(message: CString.string(error))
        }
        self.handle = handle
    }

    deinit { dl_folder_close(handle) }

    /// The fold of one character (`藥` → `药`), remembered.
    public func fold(_ scalar: Unicode.Scalar) -> String {
        if let known = scalarCache[scalar.value] { return known }
        let folded = fold(String(scalar))
        scalarCache[scalar.value] = folded
        return folded
    }

    public func fold(_ text: String) -> String {
        guard text.utf8.count <= 48 else { return foldUncached(text) }
        if let known = shortCache[text] { return known }
        let folded = foldUncached(text)
        if shortCache.count < 100_000 { shortCache[text] = folded }
        return folded
    }

    private func foldUncached(_ text: String) -> String {
        var source = Array(text.utf8)
        if source.isEmpty { return "" }
        var capacity = source.count * 3 + 16
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            let n = source.withUnsafeMutableBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    src.withMemoryRebound(to: CChar.self) { s in
                        dst.withMemoryRebound(to: CChar.self) { d in
                            dl_folder_fold(handle, s.baseAddress, Int32(s.count), d.baseAddress, Int32(capacity))
                        }
                    }
                }
            }
            if n < 0 { return CheapFold.fold(text) }
            if Int(n) <= capacity {
                var scalars = String.UnicodeScalarView()
                for s in String(decoding: out[0..<Int(n)], as: UTF8.self).unicodeScalars
                where !s.properties.isWhitespace { scalars.append(s) }
                return String(scalars)
            }
            capacity = Int(n) + 16
        }
    }
}
