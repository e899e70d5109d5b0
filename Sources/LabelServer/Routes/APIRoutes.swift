import DrugLabel
import Foundation
import Hummingbird

/// The JSON API (described in Resources/openapi.json): labels and their search, one label's
/// document, section, tables, diff and validation, and the structured queries.
enum APIRoutes {
    static func add(to router: Router<BasicRequestContext>, service: LabelService) {
        router.get("/labels") { request, _ in
            let q = try QueryParameters(request.uri.query, allowed: ["search", "section", "drug", "kind", "limit", "skip"])
            let (limit, skip) = try q.page()
            let kind = try q.choice("kind", kinds)
            let section = try q.text("section").map(service.sectionKey)
            guard let text = q.text("search") else {
                let all = try service.list(drug: q.text("drug"), kind: kind, section: section)
                let page = all.dropFirst(skip).prefix(limit).map(LabelSummaryResult.init)
                return try envelope(Array(page), total: all.count, limit: limit, skip: skip, q: q, path: "/labels", service: service)
            }
            // A search with nothing searchable in it (punctuation, or only NOT terms) finds
            // nothing: an empty page, as the OpenAPI document says, since any string is a search.
            let (total, results) = try APIRoutes.orNothing {
                try service.search(text, section: section, drug: q.text("drug"), kind: kind, limit: limit, skip: skip)
            }
            return try envelope(results, total: total, limit: limit, skip: skip, q: q, path: "/labels", service: service)
        }
        router.get("/labels/:id") { request, context in
            _ = try QueryParameters(request.uri.query, allowed: [])
            let label = try service.document(try id(context)).label
            return try streamed(label, service: service)
        }
        router.get("/labels/:id/sections/:key") { request, context in
            _ = try QueryParameters(request.uri.query, allowed: [])
            return try single(try service.section(try id(context), try parameter("key", context)), service: service)
        }
        router.get("/labels/:id/tables/:table") { request, context in
            let q = try QueryParameters(request.uri.query, allowed: ["format"])
            let format = try q.choice("format", ["json", "csv"]) ?? "json"
            let tables = try service.tables(try id(context), try parameter("table", context))
            if format == "csv" { return Response.text(TableCSV.render(tables), contentType: "text/csv; charset=utf-8") }
            return try envelope(tables, total: tables.count, limit: tables.count, skip: 0, q: q, path: nil, service: service)
        }
        router.get("/labels/:id/diff/:other") { request, context in
            _ = try QueryParameters(request.uri.query, allowed: [])
            return try single(try service.diff(try id(context), try parameter("other", context)), service: service)
        }
        router.get("/labels/:id/validate") { request, context in
            let q = try QueryParameters(request.uri.query, allowed: ["as_of"])
            return try single(try service.validate(try id(context), asOf: try q.date("as_of")), service: service)
        }
        router.get("/doses") { request, _ in
            let q = try QueryParameters(request.uri.query, allowed: ["drug", "unit", "per", "limit", "skip"])
            let (limit, skip) = try q.page()
            let (total, results) = try service.doses(drug: q.text("drug"), unit: q.text("unit"), per: q.text("per"), limit: limit, skip: skip)
            return try envelope(results, total: total, limit: limit, skip: skip, q: q, path: "/doses", service: service)
        }
        router.get("/adverse-reactions") { request, _ in
            let q = try QueryParameters(request.uri.query, allowed: ["term", "min_all", "min_grade3", "limit", "skip"])
            let (limit, skip) = try q.page()
            // As `query adverse-reactions`: a term found inside longer ones, thresholds alone, or
            // both; with neither, every row, a page at a time (an API answer is always a page).
            let term = try q.nonEmpty("term")
            let (total, results) = try service.reactions(term: term, minAll: try q.number("min_all", in: 0...100),
                                                         minGrade3: try q.number("min_grade3", in: 0...100), limit: limit, skip: skip)
            return try envelope(results, total: total, limit: limit, skip: skip, q: q, path: "/adverse-reactions", service: service)
        }
        router.get("/openapi.json") { request, _ in
            _ = try QueryParameters(request.uri.query, allowed: [])
            return Response.bytes(Data(PackageResources.openapi_json), contentType: "application/json; charset=utf-8")
        }
    }

    /// The document kinds, in the order the OpenAPI document lists them.
    static let kinds: [String] = DocumentKind.allCases.map(\.rawValue)

    static func orNothing(_ search: () throws -> (total: Int, results: [SearchResult])) throws -> (total: Int, results: [SearchResult]) {
        do { return try search() } catch let error as APIError where error.code == LabelService.emptyQuery { return (0, []) }
    }

    static func parameter(_ name: String, _ context: BasicRequestContext) throws -> String {
        LabelPaths.decode(try context.parameters.require(name))
    }

    static func id(_ context: BasicRequestContext) throws -> String { try parameter("id", context) }

    /// A page of `results`; `path` is where the next page is asked for (nil: there is none).
    static func envelope<T: Encodable & Sendable>(_ results: [T], total: Int, limit: Int, skip: Int, q: QueryParameters, path: String?,
                                                  service: LabelService) throws -> Response {
        let meta = Meta(total: total, skip: skip, limit: limit, lastIndexed: service.lastIndexed(),
                        next: path.flatMap { q.next(path: $0, total: total, limit: limit, skip: skip) })
        return try JSONBody.response(Envelope(meta: meta, results: results))
    }

    /// A whole document in the envelope, written to the network a piece (a section, a table,
    /// a dose) at a time: a 100 MB label's JSON is never one buffer in memory. The bytes are
    /// those `single` would write.
    static func streamed(_ label: Label, service: LabelService) throws -> Response {
        let meta = Meta(total: 1, skip: 0, limit: 1, lastIndexed: service.lastIndexed(), next: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let head = Data("{\"meta\":".utf8) + (try encoder.encode(meta)) + Data(",\"results\":[".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody { writer in
            var pieces = try LabelJSON.Pieces(label, pretty: false)
            try await writer.write(ByteBuffer(bytes: head))
            while let piece = try pieces.next() { try await writer.write(ByteBuffer(bytes: piece)) }
            try await writer.write(ByteBuffer(string: "]}"))
            try await writer.finish(nil)
        })
    }

    /// One object (a document, a section, a report) in the same envelope as every answer.
    static func single<T: Encodable & Sendable>(_ value: T, service: LabelService) throws -> Response {
        try JSONBody.response(Envelope(meta: Meta(total: 1, skip: 0, limit: 1, lastIndexed: service.lastIndexed(), next: nil), results: [value]))
    }
}
