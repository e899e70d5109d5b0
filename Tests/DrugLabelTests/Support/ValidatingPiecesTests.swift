@testable import DrugLabel
import Testing

/// A large text validated in pieces on all cores gives what one pass gives: the same String
/// for valid UTF-8, nil wherever a bad sequence stands, in the first piece or the last.
@Suite struct ValidatingPiecesTests {
    /// Lines of one-, two-, three- and four-byte scalars, past the size that is cut in pieces.
    static let large: [UInt8] = {
        let line = Array("【用法用量】口服，一次10 mg（é𠀀），一日3次。\n".utf8)
        let count = String.bytesForValidatingPieces / line.count + 64
        return Array((0..<count).map { _ in line }.joined())
    }()

    @Test("valid text gives the same String as String(validating:)")
    func valid() {
        let bytes = Self.large
        #expect(bytes.count > String.bytesForValidatingPieces)
        bytes.withUnsafeBufferPointer { b in
            let pieces = String(validatingInPieces: b)
            #expect(pieces != nil)
            #expect(pieces.map { Array($0.utf8) } == bytes)
        }
    }

    @Test("a bad byte anywhere, or a sequence cut at the end, is refused as one pass refuses it",
          arguments: [0.0, 0.3, 0.7, 1.0])
    func invalid(at fraction: Double) {
        var bytes = Self.large
        let at = min(bytes.count - 1, Int(Double(bytes.count) * fraction))
        // A lone continuation byte, or (at the very end) the lead of a cut three-byte sequence.
        bytes[at] = at == bytes.count - 1 ? 0xE6 : 0x80
        bytes.withUnsafeBufferPointer { b in
            #expect(String(validating: b, as: UTF8.self) == nil)
            #expect(String(validatingInPieces: b) == nil)
        }
    }

    @Test("a small text takes one pass and agrees with it")
    func small() {
        for text in ["", "a", "文", "【用法用量】\n口服。\n", "𠀀\n\n"] {
            Array(text.utf8).withUnsafeBufferPointer { b in #expect(String(validatingInPieces: b) == text) }
        }
        [UInt8]([0x61, 0xC3]).withUnsafeBufferPointer { b in #expect(String(validatingInPieces: b) == nil) }
    }
}
