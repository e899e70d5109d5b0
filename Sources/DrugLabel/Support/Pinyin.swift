import ICUBridge

/// Hanyu pinyin of a name through ICU's Han→Latin transliterator, tones and spaces removed,
/// lower case: 阿基仑赛注射液 → `ajilunsaizhusheye`. Latin text passes through with its tone
/// marks removed, so a user's `ā jí lún sài` gives the same key.
/// Opening compiles ICU's rules (milliseconds): keep one. Not thread-safe.
public final class Pinyin {
    private let handle: OpaquePointer

    public init() throws {
        var error = [CChar](repeating: 0, count: 256)
        guard let handle = dl_translit_open("Han-Latin; Latin-ASCII; Lower", &error, 256) else {
            throw ICUOpenError(transform: "Han-Latin (pinyin)", message: CString.string(error))
        }
        self.handle = handle
    }

    deinit { dl_translit_close(handle) }

    /// Keys already made, by the text's bytes: the labels of one drug from many makers share
    /// its name, and the transliterator's rules take far longer a name than a lookup (ICU was 8%
    /// of an index run of labels-dev's names). By bytes, not by String: two canonically equal
    /// spellings (`ά` and `α` with a combining accent) may transliterate differently. Bounded:
    /// emptied when full.
    private var made: [[UInt8]: String] = [:]
    static let madeLimit = 4_096

    public func key(_ text: String) -> String {
        let bytes = Array(text.utf8)
        if let known = made[bytes] { return known }
        let key = transliterated(text)
        if made.count >= Pinyin.madeLimit { made.removeAll(keepingCapacity: true) }
        made[bytes] = key
        return key
    }

    private func transliterated(_ text: String) -> String {
        let latin = ICUCall.utf8(text, initialCapacity: text.utf8.count * 8 + 16) { dl_translit_run(handle, $0, $1, $2, $3) } ?? ""
        return String(String.UnicodeScalarView(latin.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }
}
