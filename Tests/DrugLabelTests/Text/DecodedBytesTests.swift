@testable import DrugLabel
import Foundation
import TestSupport
import Testing

/// Valid UTF-8 read from an array is kept as the array's bytes; the text and the lines made
/// from them are those of the String the decoder makes from a buffer it does not own. A large
/// file's digest, taken on a thread of its own, is the one taken in line.
@Suite struct DecodedBytesTests {
    /// The seed label as it is, behind a UTF-8 byte order mark, repeated past the size where
    /// it is validated in pieces, and with an invalid byte (which is not kept as bytes).
    static func inputs() throws -> [(name: String, bytes: [UInt8])] {
        let label = try TestSupport.bytes(TestSupport.labelName)
        var large = label
        while large.count < String.bytesForValidatingPieces + 1 { large += label }
        return [("label", label), ("BOM", [0xEF, 0xBB, 0xBF] + label), ("large", large),
                ("large with BOM", [0xEF, 0xBB, 0xBF] + large), ("invalid", label + [0xFF] + label), ("ASCII", Array("a\nb\r\nc".utf8))]
    }

    @Test("decoding an array gives the text, encoding and lines that decoding its buffer gives")
    func arrayAndBuffer() throws {
        let decoder = TextDecoder()
        let normalizer = Normalizer(rules: .standard)
        var kept = 0
        for (name, bytes) in try Self.inputs() {
            let owned = try decoder.decode(bytes)
            let borrowed = try bytes.withUnsafeBufferPointer { try decoder.decode($0) }
            if case .utf8 = owned.storage { kept += 1 }
            #expect(owned.text == borrowed.text, "\(name)")
            #expect(owned.encoding == borrowed.encoding, "\(name)")
            #expect(owned.diagnostics == borrowed.diagnostics, "\(name)")
            let fromBytes = normalizer.normalize(owned)
            let fromText = normalizer.normalize(borrowed.text)
            #expect(fromBytes.lines == fromText.lines, "\(name)")
            #expect(fromBytes.diagnostics == fromText.diagnostics, "\(name)")
            #expect(fromBytes.lines.count > 2, "\(name)")
        }
        // Everything but the invalid input is valid UTF-8, held as its bytes.
        #expect(kept == 5)
    }

    @Test("a digest taken aside equals one taken in line, and SHA-256's own test vector")
    func digestAside() throws {
        #expect(Digest(of: Array("abc".utf8), aside: false).wait() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        for (name, bytes) in try Self.inputs() {
            #expect(Digest(of: bytes, aside: true).wait() == Digest(of: bytes, aside: false).wait(), "\(name)")
        }
        #expect(Digest.given("x").wait() == "x")
    }
}
