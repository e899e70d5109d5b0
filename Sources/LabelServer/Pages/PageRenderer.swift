import Foundation
import Mustache

/// The page templates (Resources/templates), compiled once. `{{…}}` escapes what it inserts,
/// so every text from a document reaches the page as text; only `{{{body}}}` of the layout,
/// which is the output of another template, is inserted as it is.
struct PageRenderer: Sendable {
    static let shared = PageRenderer()

    private let library: MustacheLibrary

    private init() {
        var library = MustacheLibrary()
        for (name, bytes) in [("layout", PackageResources.layout_mustache), ("search", PackageResources.search_mustache),
                              ("label", PackageResources.label_mustache)] {
            // The templates are part of the binary: one that does not parse is a build defect.
            try! library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        self.library = library
    }

    struct Frame { var title: String; var body: String; var style: String }

    func page(title: String, template: String, _ model: Any) -> String {
        let body = library.render(model, withTemplate: template) ?? ""
        return library.render(Frame(title: title, body: body, style: PageRenderer.style), withTemplate: "layout") ?? body
    }

    func errorPage(status: Int, message: String) -> String {
        let body = "<main class=\"error\"><h1>\(status)</h1><p>\(PageRenderer.escape(message))</p><p><a href=\"/\">Search</a></p></main>"
        return library.render(Frame(title: "druglabel: \(status)", body: body, style: PageRenderer.style), withTemplate: "layout") ?? body
    }

    static let style = String(decoding: PackageResources.style_css, as: UTF8.self)

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
