/// A document's text after its bytes were decoded, with the encoding that was found.
public struct DecodedText: Sendable {
    /// Where the text is held: as a String, or, for a file that was valid UTF-8 already, as
    /// the file's own bytes. Making a String of a 50 MB file was a serial twentieth of a second
    /// (a copy, and the pages it faulted in), and the normalizer reads the bytes anyway.
    enum Storage: Sendable {
        case string(String)
        /// Valid UTF-8: `bytes[range]` (a byte order mark left out).
        case utf8(bytes: [UInt8], range: Range<Int>)
    }

    var storage: Storage
    public var encoding: String
    public var diagnostics: [Diagnostic]

    public var text: String {
        get {
            switch storage {
            case .string(let text): return text
            case .utf8(let bytes, let range):
                return bytes.withUnsafeBufferPointer { String(copying: UTF8Span(unchecked: UnsafeBufferPointer(rebasing: $0[range]).span)) }
            }
        }
        set { storage = .string(newValue) }
    }

    init(text: String, encoding: String, diagnostics: [Diagnostic]) {
        storage = .string(text)
        self.encoding = encoding
        self.diagnostics = diagnostics
    }

    init(validUTF8 bytes: [UInt8], range: Range<Int>, encoding: String) {
        storage = .utf8(bytes: bytes, range: range)
        self.encoding = encoding
        diagnostics = []
    }

    /// The text's UTF-8, without making a String of the file's bytes.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .string(var text): return text.withUTF8(body)
        case .utf8(let bytes, let range): return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
    }
}
