extension String {
    /// Bytes of at least this many are validated in pieces on all cores.
    static let bytesForValidatingPieces = 4 << 20

    /// `String(validating: bytes, as: UTF8.self)`, the validation shared among the cores for a
    /// large file: it was a tenth of a second of a 50 MB label's parse with one core idle, before
    /// anything else could start. The pieces end just after line feeds (`linePieces`), so the
    /// bytes are valid exactly when every piece is.
    init?(validatingInPieces bytes: UnsafeBufferPointer<UInt8>) {
        guard String.isValidUTF8InPieces(bytes) else { return nil }
        self = String(copying: UTF8Span(unchecked: bytes.span))
    }

    /// Whether `bytes` are valid UTF-8, asked of a large file's pieces on all cores.
    static func isValidUTF8InPieces(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= String.bytesForValidatingPieces else {
            return (try? UTF8Span(validating: bytes.span)) != nil
        }
        let pieces = bytes.linePieces(about: Swift.max(1 << 20, bytes.count / 8))
        let valid = pieces.orderedConcurrentMap { r in
            (try? UTF8Span(validating: UnsafeBufferPointer(rebasing: bytes[r]).span)) != nil
        }
        return !valid.contains(false)
    }
}
