/// Knuth–Morris–Pratt search: linear in the text and the key, where comparing at every start
/// costs their product on a text of one repeated character (`…………`, `－－－－`), which
/// adversarial and badly converted files hold.
enum KMP {
    /// Where `key` first occurs in `text` at or after `from`; nil when it does not, or when
    /// `key` is empty.
    static func find<K: RandomAccessCollection, C: RandomAccessCollection>(_ key: K, in text: C, from: Int = 0) -> Int?
    where K.Index == Int, C.Index == Int, K.Element == C.Element, C.Element: Equatable {
        guard !key.isEmpty, key.count <= text.count, from >= 0 else { return nil }
        let key0 = key.startIndex, text0 = text.startIndex
        var border = [Int](repeating: 0, count: key.count)
        var k = 0
        for i in 1..<max(key.count, 1) {
            while k > 0 && key[key0 + i] != key[key0 + k] { k = border[k - 1] }
            if key[key0 + i] == key[key0 + k] { k += 1 }
            border[i] = k
        }
        var matched = 0
        var i = from
        while i < text.count {
            while matched > 0 && text[text0 + i] != key[key0 + matched] { matched = border[matched - 1] }
            if text[text0 + i] == key[key0 + matched] { matched += 1 }
            if matched == key.count { return i - key.count + 1 }
            i += 1
        }
        return nil
    }
}
