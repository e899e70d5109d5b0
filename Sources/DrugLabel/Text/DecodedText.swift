/// A document's text after its bytes were decoded, with the encoding that was found.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: String
    public var diagnostics: [Diagnostic]
}
