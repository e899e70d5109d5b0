/// Every JSON answer of the API: `{"meta": {…}, "results": […]}`, as openFDA answers, so a
/// client pages every endpoint the same way.
struct Envelope<Item: Encodable & Sendable>: Encodable, Sendable {
    var meta: Meta
    var results: [Item]
}

/// The size of the whole answer and where this page sits in it. `next` is the URL of the next
/// page (null on the last one), so a client never computes offsets or meets a hidden cap.
struct Meta: Encodable, Sendable {
    var total: Int
    var skip: Int
    var limit: Int
    /// When the store was last written (ISO 8601, UTC).
    var lastIndexed: String?
    var next: String?

    enum CodingKeys: String, CodingKey { case total, skip, limit, lastIndexed = "last_indexed", next }

    // Every key is written, null included: a client reads the same shape on every page.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(total, forKey: .total)
        try c.encode(skip, forKey: .skip)
        try c.encode(limit, forKey: .limit)
        try c.encode(lastIndexed, forKey: .lastIndexed)
        try c.encode(next, forKey: .next)
    }
}
