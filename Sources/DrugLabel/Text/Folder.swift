import ICUBridge

/// The folded form used for matching headings, field names and searches: ICU NFKC with case
/// folding, then Traditional→Simplified character by character (so that the fold of a
/// substring is a substring of the fold), white space removed. Output text is never folded.
///
/// Opening one builds a character table from ICU's transliterator (milliseconds), so a parser
/// keeps one.
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
        ICUCall.utf8(text, initialCapacity: text.utf8.count * 3 + 16, {
            dl_folder_fold(handle, $0, $1, $2, $3)
        }) ?? CheapFold.fold(text)
    }
}
