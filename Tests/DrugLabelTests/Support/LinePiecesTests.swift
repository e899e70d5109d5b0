@testable import DrugLabel
import Testing

/// Line pieces cover the bytes in order, without gaps, each but the last ending just after a
/// line feed and none shorter than asked unless it is the last.
@Suite struct LinePiecesTests {
    @Test("pieces tile the bytes and end after line feeds", arguments: [1, 7, 64, 1000, 100_000])
    func tile(size: Int) {
        let text = (0..<500).map { "第\($0)行：一次10 mg，一日3次" + String(repeating: "。", count: $0 % 17) }.joined(separator: "\n")
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            let pieces = b.linePieces(about: size)
            #expect(pieces.first?.lowerBound == 0)
            #expect(pieces.last?.upperBound == b.count)
            for (a, z) in zip(pieces, pieces.dropFirst()) { #expect(a.upperBound == z.lowerBound) }
            for piece in pieces.dropLast() {
                #expect(b[piece.upperBound - 1] == 0x0A)
                #expect(piece.count > size)
            }
        }
        [UInt8]().withUnsafeBufferPointer { #expect($0.linePieces(about: size).isEmpty) }
    }
}
