/// One parsed document as the rows the index keeps of it, one record per row of each table
/// (`PreparedDocument+Label` makes them from a `Label`). Made outside the write transaction, in
/// parallel, so that writing is short; the document's and sections' ids are filled in as the
/// records are written.
public struct PreparedDocument: Sendable {
    var document: DocumentRecord
    var source: SourceRecord?
    var sections: [PreparedSection]
    var doses: [DoseRecord]
    var tableRows: [TableRowRecord]
    /// In document order, every arm of a row after the other: a row is read through its least id.
    var reactionArms: [ReactionArmRecord]
    var abbreviations: [AbbreviationRecord]
    var fields: [FieldRecord]

    public var path: String { document.path }
    /// The SHA-256 the document is indexed under.
    public var sha256: String { document.sha256 }
}
