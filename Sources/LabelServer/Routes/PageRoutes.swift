import DrugLabel
import Foundation
import Hummingbird

/// The pages a person reads: `/` searches (or lists the labels), `/label/{id}` shows one label.
/// Plain HTML forms and links: everything works without JavaScript.
enum PageRoutes {
    static let pageSize = 20

    static func isPage(_ path: String) -> Bool { path == "/" || path.hasPrefix("/label/") }

    static func add(to router: Router<BasicRequestContext>, service: LabelService, catalogue: SectionCatalogue) {
        router.get("/") { request, _ in
            let q = try QueryParameters(request.uri.query, allowed: ["q", "section", "drug", "skip"])
            let skip = try q.integer("skip", default: 0, in: 0...Int(Int32.max))
            var model = SearchPageModel(query: q.text("q") ?? "", drug: q.text("drug") ?? "",
                                        sections: sectionOptions(catalogue, selected: q.text("section")),
                                        searched: false, hits: [], labels: [], summary: "", previous: nil, next: nil, message: nil)
            var total = 0
            if let text = q.text("q") {
                model.searched = true
                do {
                    let section = try q.text("section").map(service.sectionKey)
                    let (count, results) = try service.search(text, section: section, drug: q.text("drug"), kind: nil, limit: pageSize, skip: skip)
                    total = count
                    model.hits = results.map { r in
                        SearchPageModel.Hit(url: hitURL(r), title: r.genericName ?? r.title ?? r.id, heading: r.heading, lines: "line \(r.line)",
                                            kind: r.kind, occurrences: "\(r.occurrences) 处 (occurrence\(r.occurrences == 1 ? "" : "s"))",
                                            before: r.highlight.before, match: r.highlight.match, after: r.highlight.after,
                                            expansion: r.expansion)
                    }
                    model.summary = total == 0 ? "没有结果 (no hits)"
                        : "\(total) 个章节命中 (section\(total == 1 ? "" : "s") matched) · 显示 (showing) \(skip + 1)–\(skip + results.count)"
                } catch let error as APIError where error.status == .badRequest || error.code == "unknown_section" {
                    model.message = error.message
                }
            } else {
                let all = try service.list(drug: q.text("drug"), kind: nil)
                total = all.count
                model.labels = all.dropFirst(skip).prefix(pageSize).map { e in
                    SearchPageModel.Listed(url: "/label/\(LabelPaths.segment(e.id))", title: e.summary.title ?? e.id, kind: e.summary.kind,
                                           drug: e.summary.genericName ?? "")
                }
                model.summary = "\(total) 份文件 (documents)"
            }
            if skip > 0 { model.previous = link(q, skip: max(0, skip - pageSize)) }
            if skip + pageSize < total { model.next = link(q, skip: skip + pageSize) }
            let title = model.query.isEmpty ? "druglabel" : "\(model.query) · druglabel"
            return html(PageRenderer.shared.page(title: title, template: "search", model))
        }
        router.get("/label/:id") { request, context in
            let q = try QueryParameters(request.uri.query, allowed: ["mark"])
            let id = try APIRoutes.id(context)
            let model = LabelPageModel(id: id, document: try service.document(id), mark: q.text("mark"))
            return html(PageRenderer.shared.page(title: "\(model.title) · druglabel", template: "label", model))
        }
    }

    /// The label page at the hit's paragraph, its match marked there: the line anchor of the
    /// paragraph, not the top of a section that may run to thousands of characters.
    static func hitURL(_ r: SearchResult) -> String {
        let mark = r.highlight.match.isEmpty ? "" : "?mark=" + QueryParameters.encode(r.highlight.match)
        return "/label/\(LabelPaths.segment(r.id))\(mark)#L\(r.paragraphLine)"
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response.text(text, contentType: "text/html; charset=utf-8", status: status)
        // Escaping keeps document text from being markup; the policy is the second wall: no
        // script runs, and forms go only to this server.
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'"
        return response
    }

    static func link(_ q: QueryParameters, skip: Int) -> String {
        let items = ["q", "section", "drug"].compactMap { k in q.text(k).map { "\(k)=\(QueryParameters.encode($0))" } } + (skip > 0 ? ["skip=\(skip)"] : [])
        return "/?" + items.joined(separator: "&")
    }

    static func sectionOptions(_ catalogue: SectionCatalogue, selected: String?) -> [SearchPageModel.Option] {
        catalogue.entries.map { e in
            let heading = e.headings.first ?? e.key
            return SearchPageModel.Option(value: e.key, label: heading, selected: selected == e.key || selected == heading)
        }
    }
}
