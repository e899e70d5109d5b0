import Foundation

/// URL path segments for ids, section keys and table ids, which may hold ideographs or spaces.
enum LabelPaths {
    static func segment(_ s: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// A path parameter as the client meant it (percent-decoding is idempotent on our ids,
    /// which hold no `%`).
    static func decode(_ s: String) -> String { s.removingPercentEncoding ?? s }
}
