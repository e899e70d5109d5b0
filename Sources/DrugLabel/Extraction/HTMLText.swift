/// Plain text of an HTML table cell as slides export it: block tags become line breaks, other
/// tags go, entities are decoded.
enum HTMLText {
    private static let blockTags: Set<String> = ["p", "/p", "br", "br/", "li", "/li", "ul", "/ul", "ol", "/ol", "div", "/div", "tr", "/tr"]
    private static let entities: [(String, String)] = [
        ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ]

    static func plain(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        var out = ""
        var i = html.startIndex
        while i < html.endIndex {
            if html[i] == "<", let close = html[i...].firstIndex(of: ">") {
                let tag = html[html.index(after: i)..<close].split(separator: " ").first.map { $0.lowercased() } ?? ""
                if blockTags.contains(tag) { out += "\n" }
                i = html.index(after: close)
            } else {
                out.append(html[i])
                i = html.index(after: i)
            }
        }
        for (entity, text) in entities { out = out.replacingAll(entity, with: text) }
        return out.split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
